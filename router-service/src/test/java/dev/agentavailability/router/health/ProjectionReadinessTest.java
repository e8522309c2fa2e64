package dev.agentavailability.router.health;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.agentavailability.testsupport.KafkaAndPostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A router whose agent-event consumer is assigned no partition (here it subscribes to a topic that does not
 * exist) owns nothing it could answer for: it stays not ready and says why, although Kafka, the database and
 * its channels are all up.
 */
@QuarkusTest
@TestProfile(ProjectionReadinessTest.NoPartitions.class)
@QuarkusTestResource(value = KafkaAndPostgresResource.class,
        initArgs = @ResourceArg(name = KafkaAndPostgresResource.DATABASE_ARG, value = "router"))
class ProjectionReadinessTest {

    public static class NoPartitions implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mp.messaging.incoming.agent-events.topic", "router-test.no-such-topic");
        }
    }

    private static final String CHECK = "checks.find { it.name == 'projection' }";

    @Test
    void aRouterThatOwnsNoPartitionIsNotReadyAndSaysWhy() {
        // the other checks come up; this one must stay down
        await().atMost(Duration.ofSeconds(60)).until(() -> given().get("/q/health/ready").jsonPath()
                .getList("checks.findAll { it.name != 'projection' && it.status == 'DOWN' }").isEmpty());

        var response = given().get("/q/health/ready");
        JsonPath health = response.jsonPath();
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(health.getString(CHECK + ".status")).isEqualTo("DOWN");
        assertThat(health.getString(CHECK + ".data.notReadyBecause")).contains("owns no agent-event partition");
        assertThat(health.getString("checks.find { it.name == 'kafka' }.status")).as("Kafka answers").isEqualTo("UP");
        assertThat(health.getString("checks.find { it.name == 'database' }.status")).as("PostgreSQL answers")
                .isEqualTo("UP");
    }
}
