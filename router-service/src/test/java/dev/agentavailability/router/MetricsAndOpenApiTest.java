package dev.agentavailability.router;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;

import dev.agentavailability.contract.access.Roles;
import dev.agentavailability.contract.topic.Topics;
import dev.agentavailability.testsupport.KafkaAndPostgresResource;
import dev.agentavailability.testsupport.TestKafka;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The OpenAPI document and the agent-event metrics, with the same resources as {@link RouterServiceTest}. */
@QuarkusTest
// Runs as admin: what this class tests is not who may call (AccessTest is).
@TestSecurity(user = "admin", roles = Roles.ADMIN)
@QuarkusTestResource(value = KafkaAndPostgresResource.class,
        initArgs = @ResourceArg(name = KafkaAndPostgresResource.DATABASE_ARG, value = "router"))
class MetricsAndOpenApiTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void theOpenApiDocumentListsTheMainPaths() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body(allOf(containsString("router-service"),
                        containsString("/agents/{icmAgentId}/status"),
                        containsString("/skill-groups/{id}/availability"),
                        containsString("/config/import")));
    }

    @Test
    void aMalformedAgentEventIsCountedAsDeadLettered() {
        try (TestKafka kafka = TestKafka.connect(bootstrap)) {
            kafka.send(Topics.AGENT_EVENTS, "5099", "{\"schemaVersion\":1,\"message\":\"NO_SUCH_MESSAGE\"}");
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/metrics").then()
                .statusCode(200)
                .body(matchesPattern("(?s).*availability_agent_events_applied_total\\{[^}]*"
                        + "outcome=\"dead_letter\"[^}]*} [1-9].*")));
    }
}
