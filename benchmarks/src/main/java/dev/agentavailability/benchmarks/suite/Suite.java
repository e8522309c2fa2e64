package dev.agentavailability.benchmarks.suite;

import dev.agentavailability.lab.Lab;
import dev.agentavailability.lab.ServiceProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code bin/benchmark suite [--quick|--smoke]}: starts a lab from this checkout's builds, measures each figure
 * against its ceiling in the same run and writes {@code target/benchmark/summary.json} and {@code summary.md}.
 * No figure fails the run: a missed target is a "no" in the summary.
 */
public final class Suite {

    /** Like demo entry point 1001 in skill group 6928, with no business hours: the answer depends on agents only. */
    static final long ENTRY_POINT = 9101;
    private static final String ALWAYS_OPEN = "{\"name\":\"Benchmark, always open\",\"mrdId\":5000,"
            + "\"skillGroupIds\":[6928],\"maxQueueDepth\":3}";
    private static final String AGENT = "/agents/6420/mrds/5000";
    private static final int SKILL_GROUP = 6928;
    private static final int PARTITIONS = 3;

    private Suite() {
    }

    public static void main(String[] args) throws Exception {
        Size size = Size.FULL;
        String only = null;
        String profile = null;
        for (String arg : args) {
            switch (arg) {
                case "--quick" -> size = Size.QUICK;
                case "--smoke" -> size = Size.SMOKE;
                case "--only=freshness", "--only=initialize", "--only=ingest", "--only=projection" ->
                        only = arg.substring("--only=".length());
                case "--profile", "--profile=cpu" -> profile = "cpu";
                case "--profile=wall" -> profile = "wall";
                default -> {
                    System.err.println("benchmark suite: unknown option " + arg
                            + " (use --quick or --smoke; --only=initialize, freshness, ingest or projection for one group; "
                            + "--profile[=cpu|wall] to profile the lab's processes while freshness is measured)");
                    System.exit(2);
                }
            }
        }
        Path root = Path.of(System.getProperty("benchmark.root", ".")).toAbsolutePath().normalize();
        Path out = root.resolve("target/benchmark");
        Wrk.requireInstalled();
        String startedAt = Instant.now().toString();
        List<Figure> figures = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Path work = Files.createTempDirectory("availability-benchmark-");
        // The services with the full JIT, as in production, not C1 only as in the tests' quick-start lab.
        System.setProperty(ServiceProcess.JAVA_OPTIONS_PROPERTY, System.getProperty("benchmark.serviceJavaOptions",
                "-Xmx384m"));
        // The ceiling endpoint on; no rate limit, which would measure refusals (wrk comes from one address).
        Map<String, String> environment = Map.of("AVAILABILITY_BENCHMARK_CEILING_ENDPOINT", "true",
                "AVAILABILITY_RATE_LIMIT_ENABLED", "false");
        try (Lab lab = Lab.start(new Lab.Options(root, work, new int[] {Lab.freePort(), Lab.freePort(), Lab.freePort()}, PARTITIONS, true,
                null, environment))) {
            System.out.println("lab up; measuring (" + size.name().toLowerCase(Locale.ROOT) + ")");
            lab.send("PUT", lab.entrypoint().url() + "/entry-points/" + ENTRY_POINT, "application/json", ALWAYS_OPEN);
            String listener = lab.listener().url();
            lab.send("POST", listener + AGENT + "/login", "application/json",
                    "{\"maxTaskLimit\":2,\"agentInfo\":\"6420\"}");
            lab.send("POST", listener + AGENT + "/routable", "application/json", "{\"maxTasks\":2}");
            String initialize = lab.entrypoint().url() + "/system/egain/chat/entrypoint/initialize/" + ENTRY_POINT;
            lab.send("POST", listener + AGENT + "/ready", "application/json", "{\"makeRoutable\":true}");
            // initialize first: its load warms the entry point's code before freshness is measured
            if (only == null || "initialize".equals(only)) {
                figures.addAll(InitializeFigures.measure(lab.entrypoint().url(), ENTRY_POINT, size));
            }
            if (only == null || "freshness".equals(only)) {
                Profiles profiles = profile == null ? null : Profiles.of(profile, out)
                        .add("broker", lab.kafka().pid()).add("listener", lab.listener().pid())
                        .add("router", lab.router().pid()).add("entrypoint", lab.entrypoint().pid());
                figures.addAll(FreshnessFigures.measure(listener, AGENT, initialize,
                        lab.users().admin().credentials().authorization(), lab.bootstrapServers(), SKILL_GROUP, size,
                        profiles, notes));
            }
            // last: its agents join the entry point's skill group, which freshness needs to itself
            if (only == null || "ingest".equals(only)) {
                figures.addAll(IngestFigures.measure(lab, SKILL_GROUP, PARTITIONS, size));
            }
            if (only == null || "projection".equals(only)) {
                figures.addAll(ProjectionFigures.measure(lab, size));
            }
        }
        Summary.write(out, size, startedAt, figures, notes);
        System.out.println(Files.readString(out.resolve("summary.md")));
        System.out.println("written: " + out.resolve("summary.json") + " and summary.md");
    }
}
