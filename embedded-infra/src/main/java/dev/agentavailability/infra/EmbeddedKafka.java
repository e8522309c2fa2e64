package dev.agentavailability.infra;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

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

    static final String CLASSPATH_RESOURCE = "kafka-broker.classpath";
    static final String BUILD_PROPERTIES_RESOURCE = "kafka-broker.properties";
    static final String LOCAL_REPO_PLACEHOLDER = "@M2_REPO@";
    private static final String LAUNCHER_CLASS = KafkaBrokerMain.class.getName();
    private static final int START_ATTEMPTS_WITH_RANDOM_PORTS = 3;

    /** Immutable start options; every {@code with...} method returns a modified copy. */
    public static final class Options {
        private Path workDir;
        private int port;
        private int controllerPort;
        private int partitions = 1;
        private boolean autoCreateTopics;
        private String maxHeap = "512m";
        private boolean fastStartup;
        private List<String> jvmOptions = List.of();
        private Duration startupTimeout = Duration.ofSeconds(60);
        private boolean keepData;
        private Map<String, String> brokerProperties = Map.of();

        private Options() {
        }

        private Options copy() {
            Options copy = new Options();
            copy.workDir = workDir;
            copy.port = port;
            copy.controllerPort = controllerPort;
            copy.partitions = partitions;
            copy.autoCreateTopics = autoCreateTopics;
            copy.maxHeap = maxHeap;
            copy.fastStartup = fastStartup;
            copy.jvmOptions = jvmOptions;
            copy.startupTimeout = startupTimeout;
            copy.keepData = keepData;
            copy.brokerProperties = brokerProperties;
            return copy;
        }

        /**
         * Temporary work dir, free ports, 1 partition per topic, no automatic topic creation, {@code -Xmx512m},
         * full JIT, 60 s startup timeout, data deleted on close.
         */
        public static Options defaults() {
            return new Options();
        }

        /** Directory for the broker's config, logs and data; {@code null} (default) = a new temporary directory. */
        public Options withWorkDir(Path workDir) {
            Options copy = copy();
            copy.workDir = workDir;
            return copy;
        }

        /** Client (PLAINTEXT) port on 127.0.0.1; 0 (default) = a free port. */
        public Options withPort(int port) {
            checkPort(port);
            Options copy = copy();
            copy.port = port;
            return copy;
        }

        /** Controller (KRaft) port on 127.0.0.1; 0 (default) = a free port. */
        public Options withControllerPort(int controllerPort) {
            checkPort(controllerPort);
            Options copy = copy();
            copy.controllerPort = controllerPort;
            return copy;
        }

        /** {@code num.partitions}: partitions of topics created without an explicit count; default 1. */
        public Options withPartitions(int partitions) {
            if (partitions < 1) {
                throw new IllegalArgumentException("partitions must be >= 1: " + partitions);
            }
            Options copy = copy();
            copy.partitions = partitions;
            return copy;
        }

        /** {@code auto.create.topics.enable}; default false. */
        public Options withAutoCreateTopics(boolean autoCreateTopics) {
            Options copy = copy();
            copy.autoCreateTopics = autoCreateTopics;
            return copy;
        }

        /** Maximum heap of the broker JVM, as in {@code -Xmx}: e.g. "512m" (default), "1g". */
        public Options withMaxHeap(String maxHeap) {
            Options copy = copy();
            copy.maxHeap = Objects.requireNonNull(maxHeap, "maxHeap");
            return copy;
        }

        /**
         * Only the C1 JIT compiler and the serial GC in the broker JVM ({@code -XX:TieredStopAtLevel=1
         * -XX:+UseSerialGC}): it is ready about 40 % sooner and burns half the CPU while starting, at the cost of peak
         * throughput. Right for tests, wrong for load tests. Default false.
         */
        public Options withFastStartup(boolean fastStartup) {
            Options copy = copy();
            copy.fastStartup = fastStartup;
            return copy;
        }

        /** An extra option for the broker JVM, e.g. {@code -XX:+UseG1GC}; added after the ones this class sets. */
        public Options withJvmOption(String jvmOption) {
            List<String> options = new ArrayList<>(jvmOptions);
            options.add(Objects.requireNonNull(jvmOption, "jvmOption"));
            Options copy = copy();
            copy.jvmOptions = List.copyOf(options);
            return copy;
        }

        /** How long {@link EmbeddedKafka#start(Options)} waits for the broker to answer; default 60 s. */
        public Options withStartupTimeout(Duration startupTimeout) {
            Options copy = copy();
            copy.startupTimeout = Objects.requireNonNull(startupTimeout, "startupTimeout");
            return copy;
        }

        /**
         * Keep the topic data when closing (default false: deleted). Only meaningful with {@link #withWorkDir}: a
         * broker started again on the same work dir then finds its topics and records again. A temporary work dir is
         * always deleted.
         */
        public Options withKeepData(boolean keepData) {
            Options copy = copy();
            copy.keepData = keepData;
            return copy;
        }

        /** Any extra broker property; overrides the ones this class sets. */
        public Options withBrokerProperty(String key, String value) {
            Map<String, String> properties = new LinkedHashMap<>(brokerProperties);
            properties.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            Options copy = copy();
            copy.brokerProperties = Collections.unmodifiableMap(properties);
            return copy;
        }

        public Path workDir() {
            return workDir;
        }

        public int port() {
            return port;
        }

        public int controllerPort() {
            return controllerPort;
        }

        public int partitions() {
            return partitions;
        }

        public boolean autoCreateTopics() {
            return autoCreateTopics;
        }

        public String maxHeap() {
            return maxHeap;
        }

        public boolean fastStartup() {
            return fastStartup;
        }

        public List<String> jvmOptions() {
            return jvmOptions;
        }

        public Duration startupTimeout() {
            return startupTimeout;
        }

        public boolean keepData() {
            return keepData;
        }

        public Map<String, String> brokerProperties() {
            return brokerProperties;
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
    private final Path brokerLog;
    private final Path consoleLog;
    private final Thread shutdownHook;
    private volatile boolean closed;

    private EmbeddedKafka(Process process, Path workDir, boolean ownsWorkDir, boolean deleteData, int port,
            int controllerPort) {
        this.process = process;
        this.processStdin = process.getOutputStream();
        this.workDir = workDir;
        this.ownsWorkDir = ownsWorkDir;
        this.deleteData = deleteData;
        this.dataDir = workDir.resolve("data");
        this.port = port;
        this.controllerPort = controllerPort;
        this.brokerLog = workDir.resolve("broker.log");
        this.consoleLog = workDir.resolve("console.log");
        this.shutdownHook = InfraSupport.addShutdownHook("embedded-kafka-" + port + "-stop", this::stop);
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
        List<Path> classpath = brokerClasspath();
        boolean randomPorts = options.port() == 0 || options.controllerPort() == 0;
        int attempts = randomPorts ? START_ATTEMPTS_WITH_RANDOM_PORTS : 1;
        IllegalStateException failure = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                return startOnce(options, classpath);
            } catch (PortTakenException e) {
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

        int[] free = InfraSupport.freePorts(2, options.port(), options.controllerPort());
        int port = options.port() != 0 ? options.port() : free[0];
        int controllerPort = options.controllerPort() != 0 ? options.controllerPort() : free[1];

        Process process;
        try {
            Path serverProperties = workDir.resolve("server.properties");
            writeServerProperties(serverProperties, options, dataDir, port, controllerPort);
            Path log4jConfig = workDir.resolve("log4j2.properties");
            writeLog4jConfig(log4jConfig, workDir.resolve("broker.log"));
            Path launcherDir = writeLauncher(workDir);
            Files.deleteIfExists(workDir.resolve("broker.log"));

            List<Path> fullClasspath = new ArrayList<>(classpath.size() + 1);
            fullClasspath.add(launcherDir);
            fullClasspath.addAll(classpath);

            List<String> command = new ArrayList<>();
            command.add(javaBinary());
            command.add("-Xmx" + options.maxHeap());
            if (options.fastStartup()) {
                command.add("-XX:TieredStopAtLevel=1");
                command.add("-XX:+UseSerialGC");
            }
            command.add("-Djava.awt.headless=true");
            command.add("-Dlog4j2.configurationFile=" + log4jConfig.toUri());
            // log until the very end: Kafka's own shutdown hook logs after Log4j's would have stopped logging
            command.add("-Dlog4j2.shutdownHookEnabled=false");
            command.add("-Dkafka.logs.dir=" + workDir);
            if (ownsWorkDir) {
                command.add("-D" + KafkaBrokerMain.DELETE_WHEN_ORPHANED + "=" + workDir);
            }
            command.addAll(options.jvmOptions());
            command.add(LAUNCHER_CLASS);
            command.add(serverProperties.toString());
            if (!formatted) {
                command.add(randomClusterId());
            }
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(workDir.resolve("console.log").toFile()));
            Map<String, String> env = builder.environment();
            env.put("CLASSPATH", joinPaths(fullClasspath));
            env.remove("KAFKA_HEAP_OPTS");
            env.remove("KAFKA_OPTS");
            process = builder.start();
        } catch (IOException e) {
            if (ownsWorkDir) {
                InfraSupport.deleteRecursively(workDir);
            }
            throw new UncheckedIOException("Could not start the Kafka broker process", e);
        }

        EmbeddedKafka kafka = new EmbeddedKafka(process, workDir, ownsWorkDir, deleteData, port, controllerPort);
        try {
            kafka.awaitReady(deadline, options.startupTimeout());
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
        return brokerLog;
    }

    /** The child JVM's process id. */
    public long pid() {
        return process.pid();
    }

    public boolean isRunning() {
        return !closed && process.isAlive();
    }

    /** The last lines of the broker's log and of its console output. */
    public String logTail(int lines) {
        return "--- " + brokerLog + " ---\n" + InfraSupport.tail(brokerLog, lines)
                + "--- " + consoleLog + " ---\n" + InfraSupport.tail(consoleLog, lines);
    }

    /**
     * Stops the broker (killed at once when its data is deleted anyway, else a clean shutdown of up to 30 s) and
     * deletes its log dir (unless kept) and temporary work dir. Idempotent; also run by a JVM shutdown hook.
     */
    @Override
    public void close() {
        InfraSupport.removeShutdownHook(shutdownHook);
        stop();
    }

    private synchronized void stop() {
        if (closed) {
            return;
        }
        closed = true;
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

    // ------------------------------------------------------------------------------------------------ readiness

    private void awaitReady(long deadline, Duration timeout) {
        // 1. the client port accepts connections (avoids a storm of AdminClient connection warnings)
        while (!canConnect()) {
            checkAlive();
            if (System.nanoTime() - deadline > 0) {
                throw notReady("its port " + port + " did not accept connections within " + timeout, null);
            }
            waitForProcess(100);
        }
        // 2. the broker answers a describeCluster with at least one node
        Exception last = null;
        while (true) {
            checkAlive();
            long remainingMs = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (remainingMs <= 0) {
                throw notReady("it did not answer describeCluster within " + timeout, last);
            }
            try (Admin admin = Admin.create(adminConfig(remainingMs))) {
                int timeoutMs = (int) Math.min(remainingMs, Integer.MAX_VALUE);
                if (!admin.describeCluster(new DescribeClusterOptions().timeoutMs(timeoutMs))
                        .nodes().get(remainingMs, TimeUnit.MILLISECONDS).isEmpty()) {
                    return;
                }
            } catch (ExecutionException e) {
                last = e.getCause() instanceof Exception ? (Exception) e.getCause() : e;
            } catch (TimeoutException | RuntimeException e) {
                last = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw notReady("interrupted while waiting for it", e);
            }
            waitForProcess(200);
        }
    }

    private Map<String, Object> adminConfig(long remainingMs) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "embedded-kafka-readiness");
        int requestTimeout = (int) Math.max(1000, Math.min(remainingMs, 10_000));
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, requestTimeout);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, requestTimeout);
        config.put(AdminClientConfig.RETRY_BACKOFF_MS_CONFIG, 100);
        config.put(AdminClientConfig.RECONNECT_BACKOFF_MS_CONFIG, 50);
        config.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500);
        return config;
    }

    private boolean canConnect() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Waits up to {@code millis}, returning early if the broker process ends. */
    private void waitForProcess(long millis) {
        try {
            process.waitFor(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw notReady("interrupted while waiting for it", e);
        }
    }

    private void checkAlive() {
        if (!process.isAlive()) {
            String tail = logTail(60);
            String message = "Kafka broker process exited with code " + process.exitValue()
                    + " before it was ready (" + bootstrapServers() + ", work dir " + workDir + ")\n" + tail;
            if (tail.contains("Address already in use") || tail.contains("BindException")) {
                throw new PortTakenException(message);
            }
            throw new IllegalStateException(message);
        }
    }

    private IllegalStateException notReady(String why, Exception cause) {
        return new IllegalStateException("Kafka broker " + bootstrapServers() + " (pid " + process.pid()
                + ", work dir " + workDir + ") not ready: " + why + "\n" + logTail(60), cause);
    }

    /** A start failure caused by a port someone else took. */
    private static final class PortTakenException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        PortTakenException(String message) {
            super(message);
        }
    }

    // ------------------------------------------------------------------------------------------------ files

    private static void writeServerProperties(Path file, Options options, Path dataDir, int port, int controllerPort)
            throws IOException {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", dataDir.toString());
        p.put("num.partitions", Integer.toString(options.partitions()));
        p.put("auto.create.topics.enable", Boolean.toString(options.autoCreateTopics()));
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "5");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "5");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("share.coordinator.state.topic.num.partitions", "5");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("log.cleaner.dedupe.buffer.size", Integer.toString(32 * 1024 * 1024));
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "4");
        p.putAll(options.brokerProperties());
        Properties properties = new Properties();
        properties.putAll(p);
        try (OutputStream out = Files.newOutputStream(file)) {
            properties.store(out, "Generated by " + EmbeddedKafka.class.getName());
        }
    }

    private static void writeLog4jConfig(Path file, Path logFile) throws IOException {
        String config = String.join("\n",
                "status = warn",
                "name = embedded-kafka",
                "appender.file.type = File",
                "appender.file.name = FILE",
                "appender.file.fileName = " + logFile.toString().replace('\\', '/'),
                "appender.file.append = true",
                "appender.file.layout.type = PatternLayout",
                "appender.file.layout.pattern = [%d] %p %m (%c)%n",
                "rootLogger.level = INFO",
                "rootLogger.appenderRef.file.ref = FILE",
                "logger.request.name = kafka.request.logger",
                "logger.request.level = WARN",
                "logger.statechange.name = state.change.logger",
                "logger.statechange.level = WARN",
                "logger.authorizer.name = kafka.authorizer.logger",
                "logger.authorizer.level = WARN",
                "");
        Files.writeString(file, config, StandardCharsets.UTF_8);
    }

    /** Copies {@link KafkaBrokerMain}'s class file into {@code workDir/launcher} and returns that class path root. */
    private static Path writeLauncher(Path workDir) throws IOException {
        Path root = workDir.resolve("launcher");
        String resource = LAUNCHER_CLASS.replace('.', '/') + ".class";
        Path target = root.resolve(resource);
        Files.createDirectories(target.getParent());
        try (InputStream in = EmbeddedKafka.class.getClassLoader() != null
                ? EmbeddedKafka.class.getClassLoader().getResourceAsStream(resource)
                : ClassLoader.getSystemResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("Class file " + resource + " not found");
            }
            Files.write(target, in.readAllBytes());
        }
        return root;
    }

    private static String randomClusterId() {
        // the same form as kafka-storage random-uuid: a base64url-encoded UUID without padding
        // (never starting with '-', which the storage tool's command line would take for an option)
        String id;
        do {
            id = base64Uuid(UUID.randomUUID());
        } while (id.startsWith("-"));
        return id;
    }

    private static String base64Uuid(UUID uuid) {
        byte[] bytes = new byte[16];
        long msb = uuid.getMostSignificantBits();
        long lsb = uuid.getLeastSignificantBits();
        for (int i = 0; i < 8; i++) {
            bytes[i] = (byte) (msb >>> (8 * (7 - i)));
            bytes[8 + i] = (byte) (lsb >>> (8 * (7 - i)));
        }
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String javaBinary() {
        String home = System.getProperty("java.home");
        Path candidate = Paths.get(home, "bin", isWindows() ? "java.exe" : "java");
        if (Files.isExecutable(candidate)) {
            return candidate.toString();
        }
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase().startsWith("windows");
    }

    private static String joinPaths(List<Path> paths) {
        StringBuilder sb = new StringBuilder();
        for (Path path : paths) {
            if (sb.length() > 0) {
                sb.append(File.pathSeparatorChar);
            }
            sb.append(path);
        }
        return sb.toString();
    }

    // ------------------------------------------------------------------------------------------------ class path

    /**
     * The broker's class path: the jars listed in {@code kafka-broker.classpath} (written by maven-dependency-plugin),
     * looked up in the local Maven repository ({@code -Dmaven.repo.local}, the one the jar was built with, or
     * {@code ~/.m2/repository}).
     */
    static List<Path> brokerClasspath() {
        String raw = readResource(CLASSPATH_RESOURCE);
        if (raw == null || raw.isBlank()) {
            throw new IllegalStateException("Resource dev/agentavailability/infra/" + CLASSPATH_RESOURCE
                    + " is missing or empty: build embedded-infra with Maven (it is generated by "
                    + "maven-dependency-plugin:build-classpath)");
        }
        List<String> entries = new ArrayList<>();
        for (String entry : raw.trim().split("[:;\\r\\n]+")) {
            if (!entry.isBlank()) {
                entries.add(entry.trim());
            }
        }
        Set<String> repositories = new LinkedHashSet<>();
        String fromProperty = System.getProperty("maven.repo.local");
        if (fromProperty != null && !fromProperty.isBlank()) {
            repositories.add(fromProperty);
        }
        String buildProperties = readResource(BUILD_PROPERTIES_RESOURCE);
        if (buildProperties != null) {
            Properties props = new Properties();
            try {
                props.load(new java.io.StringReader(buildProperties));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String built = props.getProperty("local.repository");
            if (built != null && !built.isBlank() && !built.contains("${")) {
                repositories.add(built);
            }
        }
        repositories.add(Paths.get(System.getProperty("user.home"), ".m2", "repository").toString());

        List<Path> firstMissing = null;
        for (String repository : repositories) {
            List<Path> resolved = new ArrayList<>(entries.size());
            List<Path> missing = new ArrayList<>();
            for (String entry : entries) {
                Path path = Paths.get(entry.replace(LOCAL_REPO_PLACEHOLDER, repository));
                resolved.add(path);
                if (!Files.isRegularFile(path)) {
                    missing.add(path);
                }
            }
            if (missing.isEmpty()) {
                return resolved;
            }
            if (firstMissing == null) {
                firstMissing = missing;
            }
        }
        throw new IllegalStateException("The Kafka broker jars are not in the local Maven repository (looked in "
                + repositories + "); missing e.g. " + firstMissing.subList(0, Math.min(5, firstMissing.size()))
                + ". Run 'mvn -pl embedded-infra dependency:resolve' (or build embedded-infra) to download them.");
    }

    private static String readResource(String name) {
        try (InputStream in = EmbeddedKafka.class.getResourceAsStream(name)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read resource " + name, e);
        }
    }
}
