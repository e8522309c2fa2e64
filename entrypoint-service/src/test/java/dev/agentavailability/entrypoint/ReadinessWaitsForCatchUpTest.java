package dev.agentavailability.entrypoint;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import dev.agentavailability.contract.access.Roles;
import dev.agentavailability.contract.topic.Topics;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The MRD channel reads another topic here, so the record {@link PreexistingMrdTopicResource} wrote to the MRD topic
 * before startup is never read: the instance must stay not ready. (Global test resources apply to this profile too.)
 */
@QuarkusTest
// Runs as admin: what this class tests is not who may call (AccessTest is).
@TestSecurity(user = "admin", roles = Roles.ADMIN)
@TestProfile(ReadinessWaitsForCatchUpTest.MrdTopicNotRead.class)
class ReadinessWaitsForCatchUpTest {

    public static class MrdTopicNotRead implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mp.messaging.incoming.mrd-availability.topic", "entrypoint-test.not-the-mrd-topic");
        }
    }

    private static final String CHECK = "checks.find { it.name == 'availability-topics' }";

    @Test
    void readinessIsDownWhileATopicIsNotReadToItsEndOffsetAtStartup() {
        await().atMost(Duration.ofSeconds(60)).until(() -> Boolean.TRUE.equals(
                given().get("/q/health/ready").jsonPath().get(CHECK + ".data.endOffsetsKnown")));

        var response = given().get("/q/health/ready");
        JsonPath health = response.jsonPath();
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(health.getString(CHECK + ".status")).isEqualTo("DOWN");
        Map<String, Object> data = health.getMap(CHECK + ".data");
        assertThat(data.keySet()).anyMatch(k -> k.startsWith("behind " + Topics.MRD_AVAILABILITY + "-"));
    }

    /** A half-read view would answer "no agent available" while agents are: it answers 503 instead. */
    @Test
    void initializeAndChatStartAre503WithRetryAfterUntilTheViewsAreCaughtUp() {
        given().get("/system/egain/chat/entrypoint/initialize/1001").then().statusCode(503)
                .header("Retry-After", "1").contentType("application/problem+json")
                .body("detail", containsString("still reading the availability topics"));
        given().contentType("application/json").post("/system/egain/chat/entrypoint/1001/chats").then()
                .statusCode(503).header("Retry-After", "1");
    }
}
