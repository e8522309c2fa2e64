package dev.agentavailability.entrypoint;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentavailability.testsupport.ServiceReadiness;
import dev.agentavailability.contract.access.Roles;
import dev.agentavailability.testsupport.KafkaClientAudit;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One {@code kafka.*} property reaches every Kafka client of the entry point service: its messaging channels, and
 * the plain clients of the shared layer (the start-up catch-up, the settings history and its sync). Every client
 * open in the JVM must have configured the audit's reporter with the marker.
 */
@QuarkusTest
// Runs as admin: what this class tests is not who may call (AccessTest is).
@TestSecurity(user = "admin", roles = Roles.ADMIN)
@TestProfile(KafkaClientAudit.Audited.class)
class SharedKafkaConfigTest {

    static final String SEEN = Integer.toString(KafkaClientAudit.SERVICE_MARKER);

    @Test
    void everyKafkaClientGetsTheServicesKafkaProperties() {
        ServiceReadiness.await("entry point");

        Map<String, String> configured = KafkaClientAudit.configured();
        assertThat(configured).as("plain clients of the shared layer")
                .containsEntry("entrypoint-catch-up", SEEN)
                .containsEntry("entrypoint-settings-history", SEEN)
                .containsEntry("entrypoint-settings-sync", SEEN);
        assertThat(configured.keySet()).as("the messaging channels").anyMatch(id -> id.contains("mrd-availability"))
                .anyMatch(id -> id.contains("chat-events"));
        assertThat(KafkaClientAudit.liveClientIds()).isNotEmpty();
        assertThat(KafkaClientAudit.liveClientsWithout(KafkaClientAudit.SERVICE_MARKER)).isEmpty();
    }
}
