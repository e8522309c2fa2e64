package dev.agentavailability.router.metrics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.agentavailability.contract.access.Roles;
import dev.agentavailability.contract.arm.ArmEvent;
import dev.agentavailability.contract.arm.ArmEventJson;
import dev.agentavailability.contract.arm.ArmFields;
import dev.agentavailability.contract.arm.ArmMessage;
import dev.agentavailability.contract.topic.Topics;
import dev.agentavailability.testsupport.KafkaAndPostgresResource;
import dev.agentavailability.testsupport.TestKafka;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The projection-lag gauges of the owned agent-event partitions, with the same resources as the other router tests. */
@QuarkusTest
// Runs as admin: what this class tests is not who may call (AccessTest is).
@TestSecurity(user = "admin", roles = Roles.ADMIN)
@QuarkusTestResource(value = KafkaAndPostgresResource.class,
        initArgs = @ResourceArg(name = KafkaAndPostgresResource.DATABASE_ARG, value = "router"))
class ProjectionLagMetricsTest {

    private static final int PARTITIONS = 3; // %test.availability.agent-events.partitions
    private static final Pattern SAMPLE = Pattern.compile("(?m)^([a-z_]+)\\{([^}]*)} (\\S+)$");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void everyOwnedPartitionHasLagGaugesThatReturnToZeroOnceItsEventsAreApplied() throws Exception {
        Map<Integer, Instant> lastEventByPartition = new TreeMap<>();
        Instant clock = Instant.parse("2031-03-01T08:00:00Z"); // later than any other test's events
        try (TestKafka kafka = TestKafka.connect(bootstrap)) {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            List<Instant> occurredAt = new ArrayList<>();
            for (int i = 0; i < 600; i++) {
                int agent = 8100 + i % 12;
                boolean login = (i / 12) % 2 == 0;
                clock = clock.plusMillis(100);
                ArmEvent event = login
                        ? ArmEvent.of(ArmMessage.MEDIA_LOGIN_REQ, clock, i, 5000, agent,
                                ArmFields.mediaLogin(0, false, 1, Integer.toString(agent)), "lag-test")
                        : ArmEvent.of(ArmMessage.MEDIA_LOGOUT_IND, clock, i, 5000, agent, ArmFields.NONE, "lag-test");
                sent.add(kafka.producer().send(new ProducerRecord<>(Topics.AGENT_EVENTS, event.key(),
                        ArmEventJson.write(event))));
                occurredAt.add(clock);
            }
            kafka.producer().flush();
            for (int i = 0; i < sent.size(); i++) {
                lastEventByPartition.put(sent.get(i).get().partition(), occurredAt.get(i));
            }
        }

        // While the router applies the burst, the gauges are there for every partition it owns (all of them).
        Map<String, Map<Integer, Double>> during = gauges();
        assertThat(during.get("availability_projection_lag_records")).containsOnlyKeys(0, 1, 2);
        assertThat(during.get("availability_projection_lag_seconds")).containsOnlyKeys(0, 1, 2);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            Map<String, Map<Integer, Double>> now = gauges();
            for (int p = 0; p < PARTITIONS; p++) {
                assertThat(now.get("availability_projection_lag_records")).as("records behind, partition " + p)
                        .containsEntry(p, 0.0);
                assertThat(now.get("availability_projection_lag_seconds")).as("seconds behind, partition " + p)
                        .containsEntry(p, 0.0);
            }
            lastEventByPartition.forEach((p, last) -> assertThat(
                    now.get("availability_projection_last_event_timestamp_seconds").get(p))
                    .as("last applied event of partition " + p).isEqualTo(last.toEpochMilli() / 1000.0));
        });
    }

    /** The per-partition gauges on /q/metrics: metric name → partition → value. */
    private static Map<String, Map<Integer, Double>> gauges() {
        String text = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Map<String, Map<Integer, Double>> gauges = new TreeMap<>();
        Matcher m = SAMPLE.matcher(text);
        while (m.find()) {
            if (!m.group(1).startsWith("availability_projection_")) {
                continue;
            }
            Matcher partition = Pattern.compile("partition=\"(\\d+)\"").matcher(m.group(2));
            if (partition.find()) {
                gauges.computeIfAbsent(m.group(1), k -> new TreeMap<>())
                        .put(Integer.parseInt(partition.group(1)), Double.parseDouble(m.group(3)));
            }
        }
        return gauges;
    }
}
