package dev.agentavailability.infra;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Starts the broker's child JVM: writes its work directory's files ({@link BrokerFiles}) and runs
 * {@link KafkaBrokerMain} with the current JVM's {@code java}, the broker jars as class path and its console output
 * in {@link BrokerLogs#consoleLog()}. A data directory not yet formatted gets a new cluster id.
 */
final class BrokerProcess {

    private BrokerProcess() {
    }

    /**
     * The broker on {@code port} (clients), {@code controllerPort} (KRaft) and, if not null, {@code secure}, with its
     * data in {@code dataDir}.
     */
    static Process start(EmbeddedKafka.Options options, Path workDir, boolean ownsWorkDir, Path dataDir,
            boolean formatted, int port, int controllerPort, SecureListener secure, List<Path> classpath,
            BrokerLogs logs)
            throws IOException {
        Path serverProperties = workDir.resolve("server.properties");
        BrokerFiles.writeServerProperties(serverProperties, options, dataDir, port, controllerPort, secure);
        Path log4jConfig = workDir.resolve("log4j2.properties");
        BrokerFiles.writeLog4jConfig(log4jConfig, logs.brokerLog());
        Path launcherDir = BrokerFiles.writeLauncher(workDir);
        Files.deleteIfExists(logs.brokerLog());

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
        command.add(KafkaBrokerMain.class.getName());
        command.add(serverProperties.toString());
        if (!formatted) {
            command.add(randomClusterId());
        }
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(logs.consoleLog().toFile()));
        Map<String, String> env = builder.environment();
        env.put("CLASSPATH", joinPaths(fullClasspath));
        env.remove("KAFKA_HEAP_OPTS");
        env.remove("KAFKA_OPTS");
        return builder.start();
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
}
