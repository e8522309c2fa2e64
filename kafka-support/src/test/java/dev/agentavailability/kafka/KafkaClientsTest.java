package dev.agentavailability.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KafkaClientsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** What a service's kafka.* properties hold with SASL over TLS, plus a consumer-only key. */
    private final KafkaClients secured = KafkaClients.of(Map.of(
            "bootstrap.servers", "kafka-1:9093",
            "security.protocol", "SASL_SSL",
            "sasl.mechanism", "SCRAM-SHA-512",
            "ssl.truststore.location", "/etc/kafka/truststore.p12",
            "isolation.level", "read_committed",
            "sasl.login.callback.handler.custom", "kept for plug-ins"));

    @Test
    void theSecuritySettingsReachEveryKindOfClient() {
        for (Map<String, Object> config : Map.of(
                "producer", secured.producerConfig("p", Map.of()),
                "reader", secured.readerConfig("c", TIMEOUT, Map.of()),
                "admin", secured.adminConfig("a", TIMEOUT)).values()) {
            assertThat(config).containsEntry("bootstrap.servers", "kafka-1:9093")
                    .containsEntry("security.protocol", "SASL_SSL")
                    .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                    .containsEntry("ssl.truststore.location", "/etc/kafka/truststore.p12")
                    .containsEntry("sasl.login.callback.handler.custom", "kept for plug-ins");
        }
    }

    @Test
    void aPropertyOfAnotherKindOfClientIsLeftOut() {
        assertThat(secured.producerConfig("p", Map.of())).doesNotContainKey(ConsumerConfig.ISOLATION_LEVEL_CONFIG);
        assertThat(secured.adminConfig("a", TIMEOUT)).doesNotContainKey(ConsumerConfig.ISOLATION_LEVEL_CONFIG);
        assertThat(secured.readerConfig("c", TIMEOUT, Map.of()))
                .containsEntry(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    }

    @Test
    void producersAreAcknowledgedAndIdempotentUnlessOverridden() {
        assertThat(secured.producerConfig("p", Map.of())).containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
                .containsEntry(ProducerConfig.CLIENT_ID_CONFIG, "p");
        assertThat(secured.producerConfig("bulk", Map.of(ProducerConfig.ACKS_CONFIG, "1")))
                .containsEntry(ProducerConfig.ACKS_CONFIG, "1");
    }

    @Test
    void readersHaveNoGroupAndCommitNothing() {
        Map<String, Object> reader = KafkaClients.of(Map.of("bootstrap.servers", "k:9092", "group.id", "live"))
                .readerConfig("replay", TIMEOUT, Map.of());
        assertThat(reader).doesNotContainKey(ConsumerConfig.GROUP_ID_CONFIG)
                .containsEntry(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false)
                .containsEntry(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false)
                .containsEntry(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
    }

    @Test
    void aCommonClientIdIsThePrefixOfEveryClientsId() {
        KafkaClients lab = secured.with("client.id", "lab-7");
        assertThat(lab.producerConfig("listener-service", Map.of()))
                .containsEntry(ProducerConfig.CLIENT_ID_CONFIG, "lab-7-listener-service");
        assertThat(lab.adminConfig("topic-setup", TIMEOUT))
                .containsEntry(AdminClientConfig.CLIENT_ID_CONFIG, "lab-7-topic-setup");
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 500, 4_000, 10_000, 120_000})
    void anAcknowledgedSendGivesUpBeforeItsCallerStopsWaiting(long waitMs) {
        Map<String, Object> settings = KafkaClients.acknowledgedSettings(Duration.ofMillis(waitMs));
        int request = (int) settings.get(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG);
        int linger = (int) settings.get(ProducerConfig.LINGER_MS_CONFIG);
        int delivery = (int) settings.get(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG);
        // Kafka refuses delivery.timeout.ms < request.timeout.ms + linger.ms
        assertThat(delivery).isGreaterThanOrEqualTo(request + linger);
        if (waitMs >= 4_000) {
            assertThat(delivery).isLessThan((int) waitMs);
        }
    }

    @Test
    void bootstrapServersAreRequired() {
        assertThatThrownBy(() -> KafkaClients.of(Map.of("security.protocol", "SSL")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bootstrap.servers");
    }

    @Test
    void aPropertiesFileIsReadAsKafkasToolsReadIt(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("client.properties"),
                "# comment\nbootstrap.servers = kafka-1:9093 \nsasl.jaas.config=org.apache.kafka.common.security"
                        + ".scram.ScramLoginModule required \\\n    username=\"ece\" password=\"secret\";\n");
        assertThat(KafkaClients.properties(file)).containsEntry("bootstrap.servers", "kafka-1:9093")
                .containsEntry("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule "
                        + "required username=\"ece\" password=\"secret\";");
    }

    @Test
    void aMissingFileIsNamed(@TempDir Path dir) {
        Path missing = dir.resolve("nope.properties");
        assertThatThrownBy(() -> KafkaClients.properties(missing)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(missing.toString()).hasMessageContaining("does not exist");
    }
}
