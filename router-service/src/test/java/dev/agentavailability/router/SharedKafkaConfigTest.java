package dev.agentavailability.router;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.agentavailability.testsupport.ServiceReadiness;
import dev.agentavailability.contract.access.Roles;
import dev.agentavailability.testsupport.KafkaAndPostgresResource;
import dev.agentavailability.testsupport.KafkaClientAudit;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One {@code kafka.*} property reaches every Kafka client of the router: its messaging channels, and the plain
 * clients of the shared layer (topic creation, the projection-lag admin client, the replay's readers). Every client
 * open in the JVM must have configured the audit's reporter with the marker.
 */
@QuarkusTest
// Runs as admin: what this class tests is not who may call (AccessTest is).
@TestSecurity(user = "admin", roles = Roles.ADMIN)
@TestProfile(SharedKafkaConfigTest.Audited.class)
class SharedKafkaConfigTest {

    static final String SEEN = Integer.toString(KafkaClientAudit.SERVICE_MARKER);

    public static class Audited extends KafkaClientAudit.Audited {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
            // sample the lag at once, so that its admin client is made during the test
            overrides.put("availability.metrics.projection-lag-interval", "200ms");
            return overrides;
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(KafkaAndPostgresResource.class,
                    Map.of(KafkaAndPostgresResource.DATABASE_ARG, "router_shared_config")));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    @Test
    void everyKafkaClientGetsTheServicesKafkaProperties() {
        ServiceReadiness.await("router");
        // a replay makes readers of its own
        given().queryParam("at", Instant.now().toString()).get("/replay/skill-groups/6928").then()
                .statusCode(org.hamcrest.Matchers.oneOf(200, 404));

        await("the projection-lag admin client").atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(KafkaClientAudit.configured()).containsEntry("router-projection-lag", SEEN));
        Map<String, String> configured = KafkaClientAudit.configured();
        assertThat(configured).as("plain clients of the shared layer").containsEntry("topic-setup", SEEN);
        assertThat(configured.keySet()).as("the replay's readers")
                .anyMatch(id -> id.startsWith("topic-replay-reader-"));
        assertThat(configured.keySet()).as("the messaging channels").anyMatch(id -> id.contains("agent-events"))
                .anyMatch(id -> id.contains("skill-groups-out"));
        assertThat(KafkaClientAudit.liveClientIds()).isNotEmpty();
        assertThat(KafkaClientAudit.liveClientsWithout(KafkaClientAudit.SERVICE_MARKER)).isEmpty();
    }
}
