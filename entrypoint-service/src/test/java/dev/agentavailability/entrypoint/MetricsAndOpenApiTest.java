package dev.agentavailability.entrypoint;

import static dev.agentavailability.entrypoint.Fixtures.putEntryPoint;
import static dev.agentavailability.entrypoint.Fixtures.responseType;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;

import dev.agentavailability.contract.access.Roles;
import dev.agentavailability.testsupport.KafkaAndPostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The OpenAPI document and the initialize metrics, with the same resources as {@link InitializeEndpointTest}. */
@QuarkusTest
// Runs as admin: what this class tests is not who may call (AccessTest is).
@TestSecurity(user = "admin", roles = Roles.ADMIN)
@QuarkusTestResource(value = KafkaAndPostgresResource.class,
        initArgs = @ResourceArg(name = KafkaAndPostgresResource.DATABASE_ARG, value = "entrypoint"),
        restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PreexistingMrdTopicResource.class, restrictToAnnotatedClass = false)
class MetricsAndOpenApiTest {

    @Test
    void theOpenApiDocumentListsTheMainPaths() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body(allOf(containsString("entrypoint-service"),
                        containsString("/system/egain/chat/entrypoint/initialize/{entryPointId}"),
                        containsString("/system/egain/chat/entrypoint/{entryPointId}/chats"),
                        containsString("/entry-points/{id}")));
    }

    @Test
    void initializeAnswersAreCountedByResponseType() {
        // An active entry point whose skill group has no availability record answers 1.
        putEntryPoint(1901, 5000, List.of(6991), true);
        assertThat(responseType(1901)).isEqualTo(1);

        given().get("/q/metrics").then().statusCode(200)
                .body(matchesPattern("(?s).*availability_initialize_answers_total\\{[^}]*"
                        + "responseType=\"1\"[^}]*} [1-9].*"));
    }
}
