package dev.agentavailability.simulator;

import dev.agentavailability.contract.access.Credentials;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code simulator}: seeded traffic against a running system (bin/lab or docker compose). Agents log in, go
 * routable and ready, accept the chats the router offers them, wrap up, end them, go Not Ready and log out;
 * customers open the chat page and start chats. Runs until Ctrl-C, {@code --duration} or {@code --max-actions}.
 */
@Command(name = "simulator", mixinStandardHelpOptions = true, versionProvider = Simulator.Version.class,
        sortOptions = false,
        description = {"Simulated contact center traffic for the agent availability lab: agents log in and out, "
                + "go ready and Not Ready, take and end the chats the router offers them (listener-service); "
                + "customers open the chat page and start chats (entrypoint-service). The same seed makes the "
                + "same decisions.", ""},
        footer = {"", "Environment: SIMULATOR_LISTENER, SIMULATOR_ENTRYPOINT, SIMULATOR_RATE, SIMULATOR_SEED and "
                + "SIMULATOR_DURATION give the defaults of the options of the same names. SIMULATOR_USER and "
                + "SIMULATOR_PASSWORD (a user with the ece-listener role: bin/lab prints one), or SIMULATOR_TOKEN, "
                + "log the simulator in.",
                "Exit codes: 0 done, 1 no action reached a service, 2 bad usage."})
public final class Simulator implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--listener", paramLabel = "URL", defaultValue = "${env:SIMULATOR_LISTENER:-"
            + SimulatorSettings.DEFAULT_LISTENER + "}", description = "listener-service (default: ${DEFAULT-VALUE})")
    String listener;

    @Option(names = "--entrypoint", paramLabel = "URL", defaultValue = "${env:SIMULATOR_ENTRYPOINT:-"
            + SimulatorSettings.DEFAULT_ENTRYPOINT + "}", description = "entrypoint-service (default: ${DEFAULT-VALUE})")
    String entrypoint;

    @Option(names = "--rate", paramLabel = "EVENTS_PER_SECOND", defaultValue = "${env:SIMULATOR_RATE:-2}",
            description = "actions per second (default: ${DEFAULT-VALUE})")
    double rate;

    @Option(names = "--seed", paramLabel = "LONG", defaultValue = "${env:SIMULATOR_SEED:-42}",
            description = "seed of the decisions; the same seed makes the same decisions (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--duration", paramLabel = "DURATION", defaultValue = "${env:SIMULATOR_DURATION:-}",
            description = "how long to run: seconds (90) or ISO-8601 (PT10M); default: until stopped")
    String duration;

    @Option(names = "--max-actions", paramLabel = "N", defaultValue = "0",
            description = "stop after N actions (default: no limit)")
    long maxActions;

    @Option(names = "--agents", paramLabel = "N",
            description = "simulate the first N agents of --agent-ids (default: all)")
    Integer agents;

    @Option(names = "--agent-ids", paramLabel = "ID", split = ",", defaultValue = "6420,5033",
            description = "ICM agent ids, configured in the router (default: the demo's, ${DEFAULT-VALUE})")
    List<Integer> agentIds;

    @Option(names = "--mrd", paramLabel = "ID", defaultValue = "5000",
            description = "the MRD the agents log into (default: the demo's chat MRD, ${DEFAULT-VALUE})")
    int mrd;

    @Option(names = "--entry-points", paramLabel = "ID", split = ",", defaultValue = "1001,1002",
            description = "entry points the customers visit (default: the demo's, ${DEFAULT-VALUE})")
    List<Long> entryPoints;

    @Option(names = "--max-task-limit", paramLabel = "N", defaultValue = "2",
            description = "each login takes a task limit from 1 to N (default: ${DEFAULT-VALUE})")
    int maxTaskLimit;

    @Option(names = "--summary-every", paramLabel = "DURATION", defaultValue = "10",
            description = "print a summary line this often, seconds or ISO-8601 (default: ${DEFAULT-VALUE} s)")
    String summaryEvery;

    @Option(names = "--user", paramLabel = "NAME",
            description = "log in as NAME (an ece-listener user); the password comes from SIMULATOR_PASSWORD, "
                    + "never from the command line (default: SIMULATOR_USER)")
    String user;

    private final PrintStream out;

    public Simulator() {
        this(System.out);
    }

    /** A command that prints to the given stream. */
    public Simulator(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        System.exit(commandLine(new Simulator()).execute(args));
    }

    /** The command line {@link #main} runs: bad usage is one line and a hint, not the whole help. */
    public static CommandLine commandLine(Simulator simulator) {
        return new CommandLine(simulator).setParameterExceptionHandler((bad, args) -> {
            CommandLine command = bad.getCommandLine();
            command.getErr().println("simulator: " + bad.getMessage());
            command.getErr().println("Try 'simulator --help' for the options.");
            command.getErr().flush();
            return command.getCommandSpec().exitCodeOnInvalidInput();
        });
    }

    /** The settings the options give. */
    SimulatorSettings settings() {
        List<Integer> ids = agentIds;
        if (agents != null) {
            if (agents < 0 || agents > agentIds.size()) {
                throw new ParameterException(spec.commandLine(), "--agents " + agents + ": there are "
                        + agentIds.size() + " agent ids (" + agentIds + "); give more with --agent-ids");
            }
            ids = agentIds.subList(0, agents);
        }
        try {
            return SimulatorSettings.defaults()
                    .withServices(listener, entrypoint)
                    .withRate(rate)
                    .withSeed(seed)
                    .withLimits(parseDuration(duration, "--duration"), maxActions)
                    .withTraffic(ids, mrd, entryPoints, maxTaskLimit)
                    .withSummaryEvery(parseDuration(summaryEvery, "--summary-every"));
        } catch (IllegalArgumentException invalid) {
            throw new ParameterException(spec.commandLine(), invalid.getMessage());
        }
    }

    @Override
    public Integer call() {
        Credentials credentials;
        try {
            credentials = Credentials.fromEnvironment("SIMULATOR", user, System.getenv()).orElse(null);
        } catch (IllegalArgumentException missing) {
            throw new ParameterException(spec.commandLine(), missing.getMessage());
        }
        TrafficRun run = new TrafficRun(settings(), out, credentials);
        Thread hook = new Thread(() -> {
            try {
                run.stopAndAwait(Duration.ofSeconds(20));
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }, "simulator-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        RunSummary summary = run.run();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // Ctrl-C: the hook is running already
        }
        return summary.actions() > 0 && summary.failed() >= summary.actions() ? 1 : 0;
    }

    /** Seconds ({@code 90}, {@code 2.5}) or ISO-8601 ({@code PT10M}); blank is null. */
    static Duration parseDuration(String text, String option) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        try {
            if (t.matches("\\d+(\\.\\d+)?")) {
                return Duration.ofMillis(Math.round(Double.parseDouble(t) * 1000));
            }
            return Duration.parse(t.toUpperCase(java.util.Locale.ROOT));
        } catch (DateTimeParseException | ArithmeticException invalid) {
            throw new IllegalArgumentException(option + " '" + text + "' is neither seconds (90) nor ISO-8601 (PT10M)");
        }
    }

    /** {@code simulator <version>} from the build (resource filtered by Maven). */
    public static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            Properties properties = new Properties();
            try (InputStream in = Simulator.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    properties.load(in);
                }
            } catch (IOException unreadable) {
                // fall through to "unknown"
            }
            return new String[] {"simulator " + properties.getProperty("version", "unknown"),
                    "Java " + System.getProperty("java.version")};
        }
    }
}
