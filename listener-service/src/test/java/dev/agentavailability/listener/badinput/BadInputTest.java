package dev.agentavailability.listener.badinput;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.agentavailability.testsupport.ServiceReadiness;
import dev.agentavailability.contract.access.Roles;
import dev.agentavailability.contract.topic.Topics;
import dev.agentavailability.listener.SeededTopics;
import dev.agentavailability.testsupport.KafkaAndPostgresResource;
import dev.agentavailability.testsupport.TestKafka;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.ValidatableResponse;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Malformed requests to the agent actions and {@code POST /arm} are refused with a 4xx problem that names the
 * fault, and none of them publishes an event.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaAndPostgresResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = SeededTopics.class, restrictToAnnotatedClass = false)
@TestSecurity(user = "admin", roles = Roles.ADMIN)
class BadInputTest {

    private static final String AGENT = "/agents/6420/mrds/5000";

    @io.quarkus.test.common.http.TestHTTPResource("/arm")
    java.net.URL arm;

    @BeforeEach
    void awaitReadiness() {
        ServiceReadiness.await("listener");
    }

    @Test
    void aDuplicateKeyIsA400NamingTheKey() {
        refused(given().contentType("application/json").body("{\"reasonCode\": 1, \"reasonCode\": 2}")
                .post(AGENT + "/not-ready").then(), 400).body("detail", containsString("reasonCode"));
    }

    @Test
    void aJsonNullBodyIsA400() {
        refused(given().contentType("application/json").body("null").post(AGENT + "/routable").then(), 400);
        refused(given().contentType("application/json").body("null").put(AGENT + "/task-limit").then(), 400);
    }

    @Test
    void aGarbageContentTypeIsA415() {
        refused(given().header("Content-Type", "not a media type").body("x".getBytes()).post("/arm").then(), 415);
    }

    @Test
    void aCrossSiteTextPlainPostIsA415OnEveryStateChangingAction() {
        for (String action : new String[] {"/not-routable", "/ready", "/logout", "/tasks/t-1/start"}) {
            refused(given().contentType("text/plain").body("{}").post(AGENT + action).then(), 415);
        }
        refused(given().contentType("application/x-www-form-urlencoded").body("a=b").post(AGENT + "/not-routable")
                .then(), 415);
    }

    @Test
    void aCallFromAPageOfAnotherOriginIsRefused() {
        given().header("Origin", "https://elsewhere.example").post(AGENT + "/not-routable").then().statusCode(403);
    }

    /**
     * Sent whole, as most clients send a body (no Expect: 100-continue): the 413 problem must reach the client, not a
     * connection reset in the middle of the upload.
     */
    @Test
    void aTenMegabyteBodyIsA413ProblemTheClientReads() throws Exception {
        byte[] tenMegabytes = new byte[10 * 1024 * 1024];
        java.util.Arrays.fill(tenMegabytes, (byte) '0');
        java.net.http.HttpResponse<String> answer = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(arm.toURI()).timeout(java.time.Duration.ofSeconds(30))
                        .header("Content-Type", "text/plain")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(tenMegabytes)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(answer.body()).contains("\"status\":413", "10485760 bytes", "at most 1048576");
    }

    /** Asserts the status, problem details, and that nothing reached the agent-event topic. */
    private static ValidatableResponse refused(ValidatableResponse response, int status) {
        return response.statusCode(status).contentType("application/problem+json").body("status", equalTo(status));
    }

    @BeforeEach
    void countEvents() {
        eventsBefore = TestKafka.readAll(bootstrap(), Topics.AGENT_EVENTS).size();
    }

    @org.junit.jupiter.api.AfterEach
    void nothingWasPublished() {
        assertThat(TestKafka.readAll(bootstrap(), Topics.AGENT_EVENTS)).as("events on the topic").hasSize(eventsBefore);
    }

    private int eventsBefore;

    private static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }
}
