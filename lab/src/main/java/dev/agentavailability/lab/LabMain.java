package dev.agentavailability.lab;

import dev.agentavailability.simulator.SimulatorSettings;
import dev.agentavailability.simulator.TrafficRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the local lab until Ctrl-C. Ports and the work folder can be changed with system properties. Once the
 * demo is loaded it runs the traffic simulator at a gentle rate; {@code --no-simulator} (or
 * {@code -Dlab.simulator=false}) switches it off, {@code --sim-rate} and {@code --sim-seed} (or
 * {@code -Dlab.simulator.rate}, {@code -Dlab.simulator.seed}) set its actions per second and seed.
 */
public final class LabMain {

    private LabMain() {
    }

    public static void main(String[] args) throws Exception {
        SimulatorSettings simulation;
        try {
            simulation = simulation(args);
        } catch (IllegalArgumentException bad) {
            System.err.println("lab: " + bad.getMessage());
            System.err.println("lab: options are --no-simulator, --sim-rate ACTIONS_PER_SECOND, --sim-seed LONG");
            System.exit(2);
            return;
        }
        Path root = Path.of(System.getProperty("lab.root", ".")).toAbsolutePath().normalize();
        Path work = Path.of(System.getProperty("lab.dir", root.resolve(".lab").toString()));
        int[] ports = {Integer.getInteger("lab.listener.port", 8081), Integer.getInteger("lab.router.port", 8082),
                Integer.getInteger("lab.entrypoint.port", 8083)};
        deleteRecursively(work);
        System.out.println("Starting Kafka, PostgreSQL and the three services (logs in " + work.resolve("logs") + ") ...");
        Lab lab;
        try {
            lab = Lab.start(new Lab.Options(root, work, ports, Integer.getInteger("lab.partitions", 6), true));
        } catch (IllegalStateException cannotStart) {
            System.err.println("lab: " + cannotStart.getMessage());
            System.exit(1);
            return;
        }
        TrafficRun traffic = simulation == null ? null
                : new TrafficRun(simulation.withServices(lab.listener().url(), lab.entrypoint().url()), System.out,
                        lab.users().listener().credentials());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping the lab ...");
            if (traffic != null) {
                try {
                    // First the simulator, so that it does not report the services going away.
                    traffic.stopAndAwait(Duration.ofSeconds(20));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
            lab.close();
            stopped.countDown();
        }, "lab-shutdown"));
        System.out.printf("""

                Agent availability lab is up (Ctrl-C stops everything).
                  Kafka bootstrap     %s
                  listener-service    %s   (agent actions: POST /agents/{id}/mrds/{mrd}/login ...)
                  router-service      %s   (GET /agents/6420/status, /config, /projection)
                  entrypoint-service  %s   (GET /system/egain/chat/entrypoint/initialize/1001)

                Pages (each service's / links its own; Swagger UI at /q/swagger-ui, metrics at /q/metrics):
                  supervisor board    %s/board   (supervisor or admin)
                  customer chat page  %s/chat/?entryPoint=1001
                  replay timeline     %s/replay/timeline.html   (the last hour; supervisor or admin)
                  health              /q/health on each service
                  logs                %s
                  traffic simulator   %s

                Users of this run (HTTP Basic; new passwords each start, also in %s):
                %s
                  e.g. curl -u supervisor:PASSWORD %s/agents/6420/status
                %n""", lab.bootstrapServers(), lab.listener().url(), lab.router().url(), lab.entrypoint().url(),
                lab.entrypoint().url(), lab.entrypoint().url(), lab.router().url(), work.resolve("logs"), simulation == null ? "off (bin/lab without --no-simulator runs it)"
                        : "on: " + simulation.brief()
                                + " (summary every 10 s; bin/lab --no-simulator switches it off)",
                lab.users().file(), usersTable(lab.users()), lab.router().url());
        if (traffic != null) {
            traffic.startInBackground();
        }
        stopped.await();
    }

    /** One line per lab user: name, password, role, and the agent an agent user acts for. */
    static String usersTable(LabUsers users) {
        StringBuilder table = new StringBuilder();
        for (LabUsers.User user : users.all()) {
            table.append(String.format("  %-12s %-18s %s%s%n", user.name(), user.password(), user.role(),
                    user.icmAgentId() == null ? "" : " (ICM agent " + user.icmAgentId() + " only)"));
        }
        return table.toString().stripTrailing();
    }

    /** The simulator's settings from the arguments and system properties, or null when it is switched off. */
    static SimulatorSettings simulation(String[] args) {
        boolean on = Boolean.parseBoolean(System.getProperty("lab.simulator", "true"));
        String rate = System.getProperty("lab.simulator.rate");
        String seed = System.getProperty("lab.simulator.seed");
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : null;
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            switch (name) {
                case "--no-simulator" -> on = false;
                case "--sim-rate", "--sim-seed" -> {
                    if (value == null) {
                        if (i + 1 >= args.length) {
                            throw new IllegalArgumentException(name + " needs a value");
                        }
                        value = args[++i];
                    }
                    if (name.equals("--sim-rate")) {
                        rate = value;
                    } else {
                        seed = value;
                    }
                }
                default -> throw new IllegalArgumentException("unknown option '" + arg + "'");
            }
        }
        SimulatorSettings settings = SimulatorSettings.defaults();
        try {
            if (rate != null) {
                settings = settings.withRate(Double.parseDouble(rate.strip()));
            }
            if (seed != null) {
                settings = settings.withSeed(Long.parseLong(seed.strip()));
            }
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException("simulator rate '" + rate + "' or seed '" + seed + "' is not a number");
        }
        return on ? settings : null;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
