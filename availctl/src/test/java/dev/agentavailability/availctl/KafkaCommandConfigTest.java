package dev.agentavailability.availctl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentavailability.replay.ReplayTopics;
import dev.agentavailability.testsupport.KafkaClientAudit;
import dev.agentavailability.testsupport.TestTopics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --command-config FILE}: the file's Kafka client properties reach every client a command makes (each
 * client's metric reporter is configured with the file's marker value and client id prefix), and the file's
 * bootstrap.servers is used when --bootstrap-servers is not given.
 */
class KafkaCommandConfigTest {

    private static final int MARKER = 29_002;
    private static ReplayTopics topics;

    @TempDir
    Path dir;

    @BeforeAll
    static void writeScenario() {
        topics = ReplayTopics.write();
    }

    @Test
    void everyClientOfAReplayGetsTheFilesProperties() throws IOException {
        String prefix = "replay-" + UUID.randomUUID();
        Path config = clientConfig(prefix);

        Cli.Result result = Cli.run("replay", "--command-config", config.toString(), "--topic", topics.agentEvents,
                "--config-topic", topics.config, "--entry-point-topic", topics.entryPoints, "--chat-topic",
                topics.chats, "--at", "2019-08-19T13:34:09Z", "--entry-point", "1001");

        assertThat(result.exitCode()).as("stderr: %s", result.err()).isZero();
        Map<String, String> clients = clientsWithPrefix(prefix);
        // the replay's own consumer, its agent-event readers, and the entry point and chat readers
        assertThat(clients.keySet()).anyMatch(id -> id.startsWith(prefix + "-topic-replay-reader-"))
                .anyMatch(id -> id.startsWith(prefix + "-topic-replay-") && !id.contains("reader"))
                .contains(prefix + "-replay-entry-points", prefix + "-replay-chat-events");
        assertThat(clients).allSatisfy((id, marker) -> assertThat(marker).as(id).isEqualTo(Integer.toString(MARKER)));
    }

    @Test
    void importLogsAdminAndProducerGetTheFilesProperties() throws IOException {
        String prefix = "import-" + UUID.randomUUID();
        String topic = "import-log-config-" + UUID.randomUUID();
        TestTopics.create(topics.bootstrapServers, topic, 1);
        Path log = Files.writeString(dir.resolve("app.log"), ImportLogCommandTest.SCENARIO_RECORDS);

        Cli.Result result = Cli.run("import-log", log.toString(), "--topic", topic, "--command-config",
                clientConfig(prefix).toString());

        assertThat(result.exitCode()).as("stderr: %s", result.err()).isZero();
        assertThat(clientsWithPrefix(prefix)).containsOnlyKeys(prefix + "-availctl-import-log")
                .containsValue(Integer.toString(MARKER));
    }

    @Test
    void aMissingFileIsBadInputNamingIt() {
        Path missing = dir.resolve("client.properties");

        Cli.run("replay", "--command-config", missing.toString(), "--at", "2019-08-19T13:34:09Z", "--agent", "6420")
                .failsWithOneLine(ExitCodes.BAD_INPUT, "--command-config", missing.toString(), "does not exist");
    }

    @Test
    void theEnvironmentVariableNamesTheFileWhenTheOptionIsNotGiven() throws Exception {
        Path missing = dir.resolve("from-environment.properties");
        // a process of its own: the environment of this JVM cannot be changed
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Availctl.class.getName(), "replay", "--at",
                "2019-08-19T13:34:09Z", "--agent", "6420").redirectErrorStream(true);
        builder.environment().put(KafkaConnection.CONFIG_ENVIRONMENT, missing.toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(output).contains("--command-config", missing.toString(), "does not exist");
    }

    /** A client properties file as an operator writes one, with the audit's reporter and marker added. */
    private Path clientConfig(String prefix) throws IOException {
        StringBuilder text = new StringBuilder("# Kafka client properties, as for kafka-console-consumer.sh\n")
                .append("bootstrap.servers=").append(topics.bootstrapServers).append('\n')
                .append("security.protocol=PLAINTEXT\n")
                .append("client.id=").append(prefix).append('\n');
        KafkaClientAudit.clientProperties(MARKER).forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        return Files.writeString(dir.resolve(prefix + ".properties"), text);
    }

    private static Map<String, String> clientsWithPrefix(String prefix) {
        return KafkaClientAudit.configured().entrySet().stream().filter(e -> e.getKey().startsWith(prefix + "-"))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
