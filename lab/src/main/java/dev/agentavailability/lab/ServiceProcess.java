package dev.agentavailability.lab;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One service of the lab, run from its packaged quarkus-app folder in a child JVM. */
public final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Path runJar;
    private final int port;
    private final Map<String, String> env;
    private final Path log;
    private Process process;

    public ServiceProcess(String name, Path runJar, int port, Map<String, String> env, Path log) {
        this.name = name;
        this.runJar = runJar;
        this.port = port;
        this.env = Map.copyOf(env);
        this.log = log;
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public String url() {
        return "http://localhost:" + port;
    }

    public Path log() {
        return log;
    }

    /** The running JVM's process id (for a profiler to attach to). */
    public synchronized long pid() {
        if (process == null) {
            throw new IllegalStateException(name + " is not started");
        }
        return process.pid();
    }

    /** JVM options of every service started from now on, separated by spaces. */
    public static final String JAVA_OPTIONS_PROPERTY = "lab.service.java-options";

    public synchronized void start() throws IOException {
        if (!Files.isRegularFile(runJar)) {
            throw new IllegalStateException(name + " is not built: " + runJar + " is missing (run mvn install first)");
        }
        requirePortFree(name, port);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // Small and quickly started for tests and the lab (C1 only); the benchmark suite sets production's (full JIT).
        command.addAll(List.of(System.getProperty(JAVA_OPTIONS_PROPERTY, "-Xmx384m -XX:TieredStopAtLevel=1").trim()
                .split("\\s+")));
        command.add("-jar");
        command.add(runJar.toString());
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        process = builder.start();
    }

    /**
     * Fails, naming the port and the process that holds it where {@code ss} can tell, unless {@code port} is free
     * for the service {@code name}: otherwise another lab's service on it would answer this one's health checks.
     */
    public static void requirePortFree(String name, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(port));
        } catch (IOException taken) {
            throw new IllegalStateException("port " + port + " for " + name + " is taken" + holder(port)
                    + "; stop it, or give the lab other ports (-Dlab.listener.port, -Dlab.router.port, "
                    + "-Dlab.entrypoint.port)");
        }
    }

    /** " by <process> (pid N)" from {@code ss -ltnp}, or nothing when it cannot tell. */
    private static String holder(int port) {
        try {
            Process ss = new ProcessBuilder("ss", "-Hltnp", "sport = :" + port).redirectErrorStream(true).start();
            String out = new String(ss.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (!ss.waitFor(5, TimeUnit.SECONDS) || ss.exitValue() != 0) {
                return "";
            }
            Matcher user = Pattern.compile("\\(\"([^\"]+)\",pid=(\\d+)").matcher(out);
            return user.find() ? " by " + user.group(1) + " (pid " + user.group(2) + ")" : "";
        } catch (IOException | InterruptedException cannotTell) {
            return "";
        }
    }

    /** Waits until the service answers its readiness check, or fails with the end of its log. */
    public void awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(url() + "/q/health/ready")).timeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() < deadline) {
            if (process == null || !process.isAlive()) {
                throw new IllegalStateException(name + " exited during start-up:\n" + logTail(40));
            }
            try {
                if (HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
        throw new IllegalStateException(name + " not ready within " + timeout + ":\n" + logTail(40));
    }

    /** Ends the service as a crash would: no shutdown hooks, no last commit. */
    public synchronized void kill() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    public String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public synchronized void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }
}
