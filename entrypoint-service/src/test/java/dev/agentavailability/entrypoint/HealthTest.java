package dev.agentavailability.entrypoint;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.agentavailability.contract.access.Roles;
import dev.agentavailability.entrypoint.availability.AvailabilityView;
import dev.agentavailability.testsupport.KafkaAndPostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@QuarkusTest
// Runs as admin: what this class tests is not who may call (AccessTest is).
@TestSecurity(user = "admin", roles = Roles.ADMIN)
@QuarkusTestResource(value = KafkaAndPostgresResource.class,
        initArgs = @ResourceArg(name = KafkaAndPostgresResource.DATABASE_ARG, value = "entrypoint"),
        restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PreexistingMrdTopicResource.class, restrictToAnnotatedClass = false)
class HealthTest {

    @Inject
    AvailabilityView view;

    @Test
    void readinessIsUpOnlyOnceTheRecordsPresentAtStartupHaveBeenRead() {
        await().atMost(Duration.ofSeconds(60)).until(() -> given().get("/q/health/ready").statusCode() == 200);

        // Ready implies the record written before startup has been applied: no waiting here.
        assertThat(view.mrdRecord(PreexistingMrdTopicResource.MRD_ID, 0)).isPresent();
        assertThat(view.mrd(PreexistingMrdTopicResource.MRD_ID).available())
                .isEqualTo(PreexistingMrdTopicResource.AVAILABLE);
        given().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("availability-topics"));
    }

    @Test
    void livenessIsUp() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }
}
