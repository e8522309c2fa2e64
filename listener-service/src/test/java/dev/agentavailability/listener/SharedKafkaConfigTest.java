package dev.agentavailability.listener;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentavailability.testsupport.ServiceReadiness;
import dev.agentavailability.contract.access.Roles;
import dev.agentavailability.testsupport.KafkaClientAudit;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One {@code kafka.*} property reaches every Kafka client of the service: the messaging channels and the plain
 * clients made by the shared layer (publishers, the start-up rebuild, topic creation). Each client that got the
 * properties configures the audit's metric reporter with the marker; every client open in the JVM must be one of
 * them.
 */
@QuarkusTest
// Runs as admin: what this class tests is not who may call (AccessTest is).
@TestSecurity(user = "admin", roles = Roles.ADMIN)
@TestProfile(KafkaClientAudit.Audited.class)
class SharedKafkaConfigTest {

    static final String SEEN = Integer.toString(KafkaClientAudit.SERVICE_MARKER);

    @Test
    void everyKafkaClientGetsTheServicesKafkaProperties() {
        ServiceReadiness.await("listener");
        // the publisher's producer is made on first use
        given().contentType(ContentType.JSON).body("{\"domainAvailable\": true}")
                .post("/application-paths/5001/mrds/5000/domain-status").then().statusCode(200);

        Map<String, String> configured = KafkaClientAudit.configured();
        assertThat(configured).as("plain clients of the shared layer")
                .containsEntry(ListenerSettings.SOURCE, SEEN)
                .containsEntry("listener-service-rebuild", SEEN)
                .containsEntry("topic-setup", SEEN);
        assertThat(configured.keySet()).as("the messaging channels' consumers").anyMatch(id -> id.contains("config-in"))
                .anyMatch(id -> id.contains("chat-events-in"));
        assertThat(KafkaClientAudit.liveClientIds()).isNotEmpty();
        assertThat(KafkaClientAudit.liveClientsWithout(KafkaClientAudit.SERVICE_MARKER)).isEmpty();
    }
}
