package dev.agentavailability.infra;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A real Apache Kafka broker (KRaft, combined broker and controller, {@code node.id=1}) running in its own child JVM.
 *
 * <p>The broker jars are {@code org.apache.kafka:kafka_2.13} from the local Maven repository: their paths are written
 * into this jar at build time ({@code kafka-broker.classpath}); none of them is on the caller's class path. The child
 * uses the same {@code java} binary as the current JVM, logs to {@code broker.log} in its work directory and dies
 * with the JVM that started it.
 *
 * <pre>{@code
 * try (EmbeddedKafka kafka = EmbeddedKafka.start(EmbeddedKafka.Options.defaults().withPartitions(3))) {
 *     String bootstrap = kafka.bootstrapServers();
 * }
 * }</pre>
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final int START_ATTEMPTS_WITH_RANDOM_PORTS = 3;

    /** Start options, immutable; every {@code with...} method returns a modified copy. */
    public record Options(Path workDir, int port, int controllerPort, int partitions, boolean autoCreateTopics,
            String maxHeap, boolean fastStartup, List<String> jvmOptions, Duration startupTimeout, boolean keepData,
            boolean secureListener, boolean aclAuthorizer, Map<String, String> brokerProperties) {

        public Options {
            checkPort(port);
            checkPort(controllerPort);
            if (partitions < 1) {
                throw new IllegalArgumentException("partitions must be >= 1: " + partitions);
            }
            Objects.requireNonNull(maxHeap, "maxHeap");
            Objects.requireNonNull(startupTimeout, "startupTimeout");
            jvmOptions = List.copyOf(jvmOptions);
            brokerProperties = Collections.unmodifiableMap(new LinkedHashMap<>(brokerProperties));
        }

        /**
         * Temporary work dir, free ports, 1 partition per topic, no automatic topic creation, {@code -Xmx512m},
         * full JIT, 60 s startup timeout, data deleted on close.
         */
        public static Options defaults() {
            return new Options(null, 0, 0, 1, false, "512m", false, List.of(), Duration.ofSeconds(60), false, false,
                    false, Map.of());
        }

        /** Directory for the broker's config, logs and data; {@code null} (default) = a new temporary directory. */
        public Options withWorkDir(Path workDir) {
            return with(draft -> draft.workDir = workDir);
        }

        /** Client (PLAINTEXT) port on 127.0.0.1; 0 (default) = a free port. */
        public Options withPort(int port) {
            return with(draft -> draft.port = port);
        }

        /** Controller (KRaft) port on 127.0.0.1; 0 (default) = a free port. */
        public Options withControllerPort(int controllerPort) {
            return with(draft -> draft.controllerPort = controllerPort);
        }

        /** {@code num.partitions}: partitions of topics created without an explicit count; default 1. */
        public Options withPartitions(int partitions) {
            return with(draft -> draft.partitions = partitions);
        }

        /** {@code auto.create.topics.enable}; default false. */
        public Options withAutoCreateTopics(boolean autoCreateTopics) {
            return with(draft -> draft.autoCreateTopics = autoCreateTopics);
        }

        /** Maximum heap of the broker JVM, as in {@code -Xmx}: e.g. "512m" (default), "1g". */
        public Options withMaxHeap(String maxHeap) {
            return with(draft -> draft.maxHeap = maxHeap);
        }

        /**
         * Only the C1 JIT compiler and the serial GC in the broker JVM ({@code -XX:TieredStopAtLevel=1
         * -XX:+UseSerialGC}): it is ready about 40 % sooner and burns half the CPU while starting, at the cost of peak
         * throughput. Right for tests, wrong for load tests. Default false.
         */
        public Options withFastStartup(boolean fastStartup) {
            return with(draft -> draft.fastStartup = fastStartup);
        }

        /** An extra option for the broker JVM, e.g. {@code -XX:+UseG1GC}; added after the ones this class sets. */
        public Options withJvmOption(String jvmOption) {
            Objects.requireNonNull(jvmOption, "jvmOption");
            return with(draft -> draft.jvmOptions.add(jvmOption));
        }

        /** How long {@link EmbeddedKafka#start(Options)} waits for the broker to answer; default 60 s. */
        public Options withStartupTimeout(Duration startupTimeout) {
            return with(draft -> draft.startupTimeout = startupTimeout);
        }

        /**
         * Keep the topic data when closing (default false: deleted). Only meaningful with {@link #withWorkDir}: a
         * broker started again on the same work dir then finds its topics and records again. A temporary work dir is
         * always deleted.
         */
        public Options withKeepData(boolean keepData) {
            return with(draft -> draft.keepData = keepData);
        }

        /**
         * A second client listener, SASL_SSL with SCRAM-SHA-512 on a free port, as production brokers have
         * ({@link EmbeddedKafka#secureListener()}); its users are added with {@link EmbeddedKafka#addScramUser}.
         * The PLAINTEXT listener stays open for the test's own clients. Default false.
         */
        public Options withSecureListener(boolean secureListener) {
            return with(draft -> draft.secureListener = secureListener);
        }

        /**
         * Kafka's standard ACL authorizer: a SASL user may do only what ACLs allow it, while PLAINTEXT clients
         * (the principal {@code User:ANONYMOUS}, also the broker's own) are super users. Default false.
         */
        public Options withAclAuthorizer(boolean aclAuthorizer) {
            return with(draft -> draft.aclAuthorizer = aclAuthorizer);
        }

        /** Any extra broker property; overrides the ones this class sets. */
        public Options withBrokerProperty(String key, String value) {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
            return with(draft -> draft.brokerProperties.put(key, value));
        }

        /** A copy with {@code change} applied; the canonical constructor checks the result. */
        private Options with(Consumer<Draft> change) {
            Draft draft = new Draft(this);
            change.accept(draft);
            return draft.options();
        }

        /** The components of an Options being changed. */
        private static final class Draft {
            Path workDir;
            int port;
            int controllerPort;
            int partitions;
            boolean autoCreateTopics;
            String maxHeap;
            boolean fastStartup;
            final List<String> jvmOptions;
            Duration startupTimeout;
            boolean keepData;
            boolean secureListener;
            boolean aclAuthorizer;
            final Map<String, String> brokerProperties;

            Draft(Options from) {
                workDir = from.workDir;
                port = from.port;
                controllerPort = from.controllerPort;
                partitions = from.partitions;
                autoCreateTopics = from.autoCreateTopics;
                maxHeap = from.maxHeap;
                fastStartup = from.fastStartup;
                jvmOptions = new ArrayList<>(from.jvmOptions);
                startupTimeout = from.startupTimeout;
                keepData = from.keepData;
                secureListener = from.secureListener;
                aclAuthorizer = from.aclAuthorizer;
                brokerProperties = new LinkedHashMap<>(from.brokerProperties);
            }

            Options options() {
                return new Options(workDir, port, controllerPort, partitions, autoCreateTopics, maxHeap, fastStartup,
                        jvmOptions, startupTimeout, keepData, secureListener, aclAuthorizer, brokerProperties);
            }
        }

        private static void checkPort(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
        }
    }

    private final Process process;
    private final OutputStream processStdin;
    private final Path workDir;
    private final boolean ownsWorkDir;
    private final boolean deleteData;
    private final Path dataDir;
    private final int port;
    private final int controllerPort;
    private final SecureListener secure;
    private final BrokerLogs logs;
    private final StopOnce stopOnce;

    private EmbeddedKafka(Process process, Path workDir, boolean ownsWorkDir, boolean deleteData, int port,
            int controllerPort, SecureListener secure) {
        this.process = process;
        this.processStdin = process.getOutputStream();
        this.workDir = workDir;
        this.ownsWorkDir = ownsWorkDir;
        this.deleteData = deleteData;
        this.dataDir = workDir.resolve("data");
        this.port = port;
        this.controllerPort = controllerPort;
        this.secure = secure;
        this.logs = BrokerLogs.in(workDir);
        this.stopOnce = new StopOnce("embedded-kafka-" + port + "-stop", this::stop);
    }

    /** Starts a broker with {@link Options#defaults()}. */
    public static EmbeddedKafka start() {
        return start(Options.defaults());
    }

    /**
     * Starts a broker and returns once it answers an AdminClient {@code describeCluster}.
     *
     * @throws IllegalStateException if it is not ready within {@link Options#startupTimeout()} (with the tail of
     *         its log in the message)
     */
    public static EmbeddedKafka start(Options options) {
        Objects.requireNonNull(options, "options");
        List<Path> classpath = BrokerClasspath.resolve();
        boolean randomPorts = options.port() == 0 || options.controllerPort() == 0 || options.secureListener();
        int attempts = randomPorts ? START_ATTEMPTS_WITH_RANDOM_PORTS : 1;
        IllegalStateException failure = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                return startOnce(options, classpath);
            } catch (BrokerReadiness.PortTakenException e) {
                // a free port picked by us was taken by someone else before the broker bound it: try other ports
                failure = e;
            }
        }
        throw failure;
    }

    private static EmbeddedKafka startOnce(Options options, List<Path> classpath) {
        long deadline = System.nanoTime() + options.startupTimeout().toNanos();
        boolean ownsWorkDir = options.workDir() == null;
        Path workDir;
        try {
            workDir = ownsWorkDir ? Files.createTempDirectory("embedded-kafka-")
                    : Files.createDirectories(options.workDir().toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create the Kafka work dir", e);
        }
        boolean deleteData = ownsWorkDir || !options.keepData();
        Path dataDir = workDir.resolve("data");
        if (deleteData) {
            InfraSupport.deleteRecursively(dataDir);
        }
        boolean formatted = Files.exists(dataDir.resolve("meta.properties"));

        int[] free = InfraSupport.freePorts(3, options.port(), options.controllerPort());
        int port = options.port() != 0 ? options.port() : free[0];
        int controllerPort = options.controllerPort() != 0 ? options.controllerPort() : free[1];
        SecureListener secure = options.secureListener() ? SecureListener.create(workDir.resolve("tls"), free[2]) : null;

        Process process;
        try {
            process = BrokerProcess.start(options, workDir, ownsWorkDir, dataDir, formatted, port, controllerPort,
                    secure, classpath, BrokerLogs.in(workDir));
        } catch (IOException e) {
            if (ownsWorkDir) {
                InfraSupport.deleteRecursively(workDir);
            }
            throw new UncheckedIOException("Could not start the Kafka broker process", e);
        }

        EmbeddedKafka kafka = new EmbeddedKafka(process, workDir, ownsWorkDir, deleteData, port, controllerPort,
                secure);
        try {
            new BrokerReadiness(kafka, process).awaitReady(deadline, options.startupTimeout());
            return kafka;
        } catch (RuntimeException | Error e) {
            kafka.close();
            throw e;
        }
    }

    /** {@code 127.0.0.1:<port>}. */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** The client (PLAINTEXT) port. */
    public int port() {
        return port;
    }

    /**
     * The SASL_SSL listener.
     *
     * @throws IllegalStateException unless started {@link Options#withSecureListener with one}
     */
    public SecureListener secureListener() {
        if (secure == null) {
            throw new IllegalStateException("this broker was started without a secure listener");
        }
        return secure;
    }

    /**
     * Adds (or changes) a SCRAM-SHA-512 user of the {@link #secureListener() secure listener}, and returns once the
     * broker knows it, so that the user can log in at once.
     */
    public void addScramUser(String user, String password) {
        secureListener();
        ScramUsers.upsert(this, user, password);
    }

    /** The KRaft controller port. */
    public int controllerPort() {
        return controllerPort;
    }

    /** Holds {@code server.properties}, {@code data/} (the log dir), {@code broker.log} and {@code console.log}. */
    public Path workDir() {
        return workDir;
    }

    /** The broker's log4j log file. */
    public Path logFile() {
        return logs.brokerLog();
    }

    /** The child JVM's process id. */
    public long pid() {
        return process.pid();
    }

    /**
     * Kills the broker at once (SIGKILL, as a crash does) and leaves its log dir for a broker started over it
     * ({@link Options#withKeepData} and the same ports). The work dir goes only with {@link #close()}.
     */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            throw new IllegalStateException("Kafka broker pid " + process.pid() + " did not die within 15 s");
        }
    }

    public boolean isRunning() {
        return !stopOnce.stopped() && process.isAlive();
    }

    /** The last lines of the broker's log and of its console output. */
    public String logTail(int lines) {
        return logs.tail(lines);
    }

    /**
     * Stops the broker (killed at once when its data is deleted anyway, else a clean shutdown of up to 30 s) and
     * deletes its log dir (unless kept) and temporary work dir. Idempotent; also run by a JVM shutdown hook.
     */
    @Override
    public void close() {
        stopOnce.close();
    }

    private void stop() {
        try {
            if (deleteData) {
                process.destroyForcibly();
            } else {
                process.destroy();
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
            process.waitFor(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            try {
                processStdin.close();
            } catch (IOException ignored) {
                // the process is gone
            }
        }
        if (ownsWorkDir) {
            InfraSupport.deleteRecursively(workDir);
        } else if (deleteData) {
            InfraSupport.deleteRecursively(dataDir);
        }
    }

    @Override
    public String toString() {
        return "EmbeddedKafka[" + bootstrapServers() + ", pid " + process.pid() + ", " + workDir + "]";
    }
}
