package dev.agentavailability.infra;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;

/** Small helpers shared by the embedded servers. */
final class InfraSupport {

    private InfraSupport() {
    }

    /** Free TCP ports on the loopback interface, all different from each other and from {@code avoid}. */
    static int[] freePorts(int count, int... avoid) {
        Set<Integer> taken = new HashSet<>();
        for (int port : avoid) {
            taken.add(port);
        }
        int[] ports = new int[count];
        int found = 0;
        while (found < count) {
            int port;
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                socket.setReuseAddress(true);
                port = socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not find a free TCP port", e);
            }
            if (taken.add(port)) {
                ports[found++] = port;
            }
        }
        return ports;
    }

    /** The last {@code maxLines} lines of a text file (at most its last 64 KiB), or a note if it cannot be read. */
    static String tail(Path file, int maxLines) {
        if (file == null || !Files.isRegularFile(file)) {
            return "(no " + file + ")";
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long length = raf.length();
            int size = (int) Math.min(length, 64 * 1024);
            byte[] bytes = new byte[size];
            raf.seek(length - size);
            raf.readFully(bytes);
            String text = new String(bytes, StandardCharsets.UTF_8);
            String[] lines = text.split("\r?\n");
            int from = Math.max(0, lines.length - maxLines);
            StringBuilder out = new StringBuilder();
            for (int i = from; i < lines.length; i++) {
                out.append(lines[i]).append('\n');
            }
            return out.toString();
        } catch (IOException e) {
            return "(could not read " + file + ": " + e + ")";
        }
    }

    /** Deletes a file or a directory tree; best effort, never throws. */
    static void deleteRecursively(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException ignored) {
                    // best effort
                }
            });
        } catch (IOException | UncheckedIOException ignored) {
            // best effort
        }
    }

    /** Registers a shutdown hook; returns it so it can be removed again. */
    static Thread addShutdownHook(String name, Runnable action) {
        Thread hook = new Thread(action, name);
        Runtime.getRuntime().addShutdownHook(hook);
        return hook;
    }

    /** Removes a shutdown hook unless the JVM is already shutting down. */
    static void removeShutdownHook(Thread hook) {
        if (hook == null || Thread.currentThread() == hook) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException ignored) {
            // shutdown in progress
        }
    }
}
