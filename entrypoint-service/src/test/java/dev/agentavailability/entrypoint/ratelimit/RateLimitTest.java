package dev.agentavailability.entrypoint.ratelimit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import dev.agentavailability.entrypoint.PreexistingMrdTopicResource;
import dev.agentavailability.testsupport.KafkaAndPostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The public calls, limited per client address: past the burst, 429 with Retry-After as problem details. */
@QuarkusTest
@TestProfile(RateLimitTest.SmallLimit.class)
@QuarkusTestResource(value = KafkaAndPostgresResource.class,
        initArgs = @ResourceArg(name = KafkaAndPostgresResource.DATABASE_ARG, value = "entrypoint"),
        restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PreexistingMrdTopicResource.class, restrictToAnnotatedClass = false)
class RateLimitTest {

    public static class SmallLimit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // 5 at once, then one every 100 s: the test's calls cannot earn a new token while it runs.
            return Map.of("availability.rate-limit.enabled", "true", "availability.rate-limit.burst", "5",
                    "availability.rate-limit.per-second", "0.01");
        }
    }

    @Test
    void pastTheBurstAClientIsToldToComeBackLater() {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            statuses.add(given().get("/system/egain/chat/entrypoint/initialize/3901").statusCode());
        }
        assertThat(statuses).doesNotContain(429);

        Response refused = given().post("/system/egain/chat/entrypoint/3901/chats");
        refused.then().statusCode(429)
                .contentType("application/problem+json")
                .body("detail", containsString("more than 5 calls at once"));
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 100L);

        // Management calls are not public calls: the limit does not apply to them.
        given().get("/q/health/live").then().statusCode(200);
    }
}
