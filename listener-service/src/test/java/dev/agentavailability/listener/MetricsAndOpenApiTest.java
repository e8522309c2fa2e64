package dev.agentavailability.listener;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;

import dev.agentavailability.testsupport.ServiceReadiness;
import dev.agentavailability.contract.access.Roles;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document and the domain metrics, against the real Kafka broker that {@link ListenerServiceTest}
 * declares (its test resources are global).
 */
@QuarkusTest
// Runs as admin: what this class tests is not who may call (AccessTest is).
@TestSecurity(user = "admin", roles = Roles.ADMIN)
class MetricsAndOpenApiTest {

    @BeforeEach
    void awaitReadiness() {
        ServiceReadiness.await("listener");
    }

    @Test
    void theOpenApiDocumentListsTheMainPaths() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body(allOf(containsString("listener-service"),
                        containsString("/agents/{icmAgentId}/mrds/{mrdId}/login"),
                        containsString("/application-paths/{applicationPathId}/mrds/{mrdId}/domain-status"),
                        containsString("\"/arm")));
    }

    @Test
    void publishedEventsAndRefusalsAreCounted() {
        given().contentType(ContentType.JSON).body("{\"domainAvailable\": true}")
                .post("/application-paths/5001/mrds/5000/domain-status").then().statusCode(200);
        // Agent 6436 is in no test's way: it is logged in nowhere, so a ready is refused and changes nothing.
        given().contentType(ContentType.JSON).post("/agents/6436/mrds/1/ready").then().statusCode(409);

        given().get("/q/metrics").then().statusCode(200)
                .body(matchesPattern("(?s).*availability_arm_events_published_total\\{[^}]*"
                        + "message=\"APP_PATH_DOMAIN_STATUS_EVENT\"[^}]*} [1-9].*"))
                .body(matchesPattern("(?s).*availability_arm_refusals_total\\{[^}]*"
                        + "armStatus=\"E_ARM_STAT_AGENT_NOT_LOGGED_IN\"[^}]*} [1-9].*"));
    }
}
