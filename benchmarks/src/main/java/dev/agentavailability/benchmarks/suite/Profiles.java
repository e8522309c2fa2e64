package dev.agentavailability.benchmarks.suite;

import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.jar.JarFile;
import one.profiler.AsyncProfiler;

/**
 * {@code --profile[=cpu|wall]}: async-profiler attached to the lab's processes (and this one) while a figure is
 * measured, written to {@code target/benchmark/profile-<process>.html} (flame graph) and {@code .collapsed}
 * (folded stacks), with one line per process of where its samples went: the JIT compiler, the garbage collector or
 * the application. A missed target's closing note quotes it.
 */
final class Profiles {

    private final String event;
    private final Path out;
    private final Path library;
    private final Map<String, Long> processes = new LinkedHashMap<>();

    private Profiles(String event, Path out, Path library) {
        this.event = event;
        this.out = out;
        this.library = library;
    }

    /** A profiler for the given event (cpu, wall, alloc, lock), its agent taken out of async-profiler's jar. */
    static Profiles of(String event, Path out) throws IOException {
        return new Profiles(event, out, extractAgent());
    }

    /** A process to profile, under the name its files get. */
    Profiles add(String name, long pid) {
        processes.put(name, pid);
        return this;
    }

    void start() throws IOException {
        for (Map.Entry<String, Long> process : processes.entrySet()) {
            load(process.getValue(), "start,event=" + event + ",interval=1ms");
        }
    }

    /** Stops every profile and writes its files; returns one summary line per process. */
    List<String> stop() throws IOException {
        Files.createDirectories(out);
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, Long> process : processes.entrySet()) {
            Path collapsed = out.resolve("profile-" + process.getKey() + ".collapsed");
            Path html = out.resolve("profile-" + process.getKey() + ".html");
            load(process.getValue(), "dump,collapsed,file=" + collapsed);
            load(process.getValue(), "stop,file=" + html);
            lines.add(process.getKey() + ": " + shares(collapsed));
        }
        Files.write(out.resolve("profile-summary.txt"), lines);
        return lines;
    }

    /** Where a process's samples went, from its folded stacks. */
    static String shares(Path collapsed) throws IOException {
        long total = 0;
        long compiler = 0;
        long gc = 0;
        for (String line : Files.readAllLines(collapsed)) {
            int space = line.lastIndexOf(' ');
            if (space < 0) {
                continue;
            }
            long samples = Long.parseLong(line.substring(space + 1).trim());
            total += samples;
            if (line.contains("CompileBroker::") || line.contains("C2Compiler") || line.contains("Compile::")) {
                compiler += samples;
            } else if (line.contains("GCTaskThread") || line.contains("G1") || line.contains("ConcurrentGCThread")) {
                gc += samples;
            }
        }
        if (total == 0) {
            return "no samples";
        }
        return String.format(Locale.ROOT, "%d samples: JIT compiler %.0f %%, GC %.0f %%, application %.0f %%", total,
                100.0 * compiler / total, 100.0 * gc / total, 100.0 * (total - compiler - gc) / total);
    }

    private void load(long pid, String command) throws IOException {
        try {
            VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
            try {
                vm.loadAgentPath(library.toString(), command);
            } finally {
                vm.detach();
            }
        } catch (com.sun.tools.attach.AttachNotSupportedException
                | com.sun.tools.attach.AgentLoadException
                | com.sun.tools.attach.AgentInitializationException e) {
            throw new IOException("async-profiler could not " + command + " in process " + pid + ": " + e, e);
        }
    }

    private static Path extractAgent() throws IOException {
        String platform = "linux-" + (System.getProperty("os.arch").contains("aarch64") ? "arm64" : "x64");
        String entry = platform + "/libasyncProfiler.so";
        Path jar;
        try {
            jar = Path.of(AsyncProfiler.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IOException("cannot find async-profiler's jar", e);
        }
        Path library = Files.createTempFile("libasyncProfiler-", ".so");
        library.toFile().deleteOnExit();
        try (JarFile file = new JarFile(jar.toFile())) {
            if (file.getEntry(entry) == null) {
                throw new IOException(jar + " has no " + entry + " (async-profiler runs on Linux and macOS only)");
            }
            try (InputStream in = file.getInputStream(file.getEntry(entry))) {
                Files.copy(in, library, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return library;
    }
}
