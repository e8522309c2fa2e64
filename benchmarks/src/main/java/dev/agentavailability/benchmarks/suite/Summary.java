package dev.agentavailability.benchmarks.suite;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes a run's figures as {@code summary.json} (for tools) and {@code summary.md} (for the docs). */
final class Summary {

    private Summary() {
    }

    static Map<String, Object> machine() {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("processors", Runtime.getRuntime().availableProcessors());
        long memory = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();
        machine.put("memoryGiB", Math.round(memory / (1024.0 * 1024 * 1024)));
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        machine.put("java", Runtime.version().toString());
        return machine;
    }

    /** {@code notes}: lines that explain the figures (where freshness goes, profiles), after the table. */
    static void write(Path dir, Size size, String startedAt, List<Figure> figures, List<String> notes)
            throws IOException {
        Files.createDirectories(dir);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("size", size.name().toLowerCase(Locale.ROOT));
        json.put("startedAt", startedAt);
        json.put("machine", machine());
        json.put("figures", figures);
        json.put("notes", notes);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(dir.resolve("summary.json").toFile(),
                json);
        StringBuilder md = new StringBuilder();
        md.append("Benchmark suite, ").append(json.get("size")).append(" run started ").append(startedAt)
                .append(", on ").append(machine()).append("\n\n");
        md.append("| figure | value | ceiling (same run) | ratio | target | met |\n|---|---|---|---|---|---|\n");
        for (Figure f : figures) {
            md.append(String.format(Locale.ROOT, "| %s | %s %s | %s: %s %s | %.2f | %s | %s |%n", f.figure(),
                    number(f.value()), f.unit(), f.ceilingName(), number(f.ceiling()), f.unit(), f.ratio(),
                    f.target().isEmpty() ? "—" : f.target(), f.met() == null ? "—" : f.met() ? "yes" : "**no**"));
        }
        if (!notes.isEmpty()) {
            md.append('\n');
            notes.forEach(note -> md.append("- ").append(note).append('\n'));
        }
        Files.writeString(dir.resolve("summary.md"), md);
    }

    private static String number(double value) {
        return value >= 100 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.2f", value);
    }
}
