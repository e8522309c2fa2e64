package dev.agentavailability.availctl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentavailability.infra.EmbeddedKafka;
import dev.agentavailability.kafka.KafkaClients;
import dev.agentavailability.testsupport.TestKafka;
import dev.agentavailability.testsupport.TestTopics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * availctl against a broker as production runs it: SASL_SSL with SCRAM-SHA-512 and ACLs. With the login in a
 * {@code --command-config} file, import-log's admin client and producer and replay's readers work over TLS; a wrong
 * password is one line naming the refused login.
 */
class SecureKafkaTest {

    private static final String USER = "incident-analyst";
    private static final String PASSWORD = "analyst-test-password";
    private static final String AGENT_EVENTS = "arm.agent-events.incident";
    private static final String CONFIG = "availability.config.incident";
    private static final String SNAPSHOTS = "availability.projection-snapshots.incident";
    private static EmbeddedKafka kafka;

    @TempDir
    Path dir;

    @BeforeAll
    static void startSecureBroker() throws Exception {
        kafka = EmbeddedKafka.start(EmbeddedKafka.Options.defaults().withFastStartup(true).withSecureListener(true)
                .withAclAuthorizer(true));
        kafka.addScramUser(USER, PASSWORD);
        TestTopics.create(kafka.bootstrapServers(), AGENT_EVENTS, 3);
        TestTopics.create(kafka.bootstrapServers(), CONFIG, 1);
        TestTopics.create(kafka.bootstrapServers(), SNAPSHOTS, 1);
        try (Admin admin = KafkaClients.bootstrap(kafka.bootstrapServers()).admin("acls", Duration.ofSeconds(30))) {
            admin.createAcls(List.of(
                    allow(AGENT_EVENTS, AclOperation.WRITE), allow(AGENT_EVENTS, AclOperation.READ),
                    allow(AGENT_EVENTS, AclOperation.DESCRIBE), allow(CONFIG, AclOperation.READ),
                    allow(CONFIG, AclOperation.DESCRIBE), allow(SNAPSHOTS, AclOperation.READ),
                    allow(SNAPSHOTS, AclOperation.DESCRIBE))).all().get(30, TimeUnit.SECONDS);
        }
    }

    @AfterAll
    static void stop() {
        kafka.close();
    }

    @Test
    void importLogAndReplayWorkOverSaslSsl() throws IOException {
        Path config = clientConfig(PASSWORD);
        Path log = Files.writeString(dir.resolve("app.log"), ImportLogCommandTest.SCENARIO_RECORDS);

        Cli.Result imported = Cli.run("import-log", log.toString(), "--topic", AGENT_EVENTS, "--command-config",
                config.toString());

        // the scenario's unreadable record makes it bad input; the two frames are published all the same
        assertThat(imported.out()).as("stderr: %s", imported.err())
                .startsWith("import-log: 2 frames published to " + AGENT_EVENTS);
        assertThat(TestKafka.readAll(kafka.bootstrapServers(), AGENT_EVENTS)).hasSize(2);

        Cli.Result replayed = Cli.run("replay", "--command-config", config.toString(), "--topic", AGENT_EVENTS,
                "--config-topic", CONFIG, "--snapshot-topic", SNAPSHOTS, "--at", "2019-08-19T13:40:00Z", "--agent", "5033");

        assertThat(replayed.exitCode()).as("stderr: %s", replayed.err()).isZero();
        assertThat(replayed.out()).contains("5033");
    }

    @Test
    void aWrongPasswordIsOneLineNamingTheRefusedLogin() throws IOException {
        Path log = Files.writeString(dir.resolve("app.log"), ImportLogCommandTest.SCENARIO_RECORDS);

        Cli.run("import-log", log.toString(), "--topic", AGENT_EVENTS, "--command-config",
                clientConfig("not-the-password").toString())
                .failsWithOneLine(ExitCodes.FAILURE, "authentication");
    }

    /** A client properties file as an operator writes one for the secure listener. */
    private Path clientConfig(String password) throws IOException {
        StringBuilder text = new StringBuilder();
        Map<String, String> properties = kafka.secureListener().clientProperties(USER, password);
        properties.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
        return Files.writeString(dir.resolve("client-" + password + ".properties"), text);
    }

    private static AclBinding allow(String topic, AclOperation operation) {
        return new AclBinding(new ResourcePattern(ResourceType.TOPIC, topic, PatternType.LITERAL),
                new AccessControlEntry("User:" + USER, "*", operation, AclPermissionType.ALLOW));
    }
}
