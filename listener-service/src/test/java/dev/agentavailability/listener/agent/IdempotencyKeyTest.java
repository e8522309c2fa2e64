package dev.agentavailability.listener.agent;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
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
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An action repeated with the same {@code Idempotency-Key} (a client that did not get the first answer) answers
 * the first outcome, the same event at the same offset, and publishes nothing; another key is another action.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaAndPostgresResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = SeededTopics.class, restrictToAnnotatedClass = false)
@TestSecurity(user = "listener", roles = Roles.ECE_LISTENER)
class IdempotencyKeyTest {

    private static final String AGENT = "/agents/6438/mrds/5000";

    @BeforeEach
    void awaitReadiness() {
        ServiceReadiness.await("listener");
    }

    @Test
    void aRepeatWithTheSameKeyAnswersTheFirstOutcomeAndPublishesNothing() {
        JsonPath first = login("login-6438-a");
        assertThat(first.getBoolean("repeat")).isFalse();
        int events = eventsOf6438();

        JsonPath repeat = login("login-6438-a");

        assertThat(repeat.getBoolean("repeat")).isTrue();
        assertThat(repeat.getString("published[0].eventId")).isEqualTo(first.getString("published[0].eventId"));
        assertThat(repeat.getLong("published[0].offset")).isEqualTo(first.getLong("published[0].offset"));
        assertThat(eventsOf6438()).as("nothing published again").isEqualTo(events);

        // the same login with another key is another action: the agent is logged in already
        given().header(IdempotentActions.HEADER, "login-6438-b").contentType(ContentType.JSON)
                .body("{\"maxTaskLimit\":1}").post(AGENT + "/login").then().statusCode(409);
        given().header(IdempotentActions.HEADER, "logout-6438-a").contentType(ContentType.JSON).body("{}")
                .post(AGENT + "/logout").then().statusCode(200).body("repeat", equalTo(false));
        assertThat(eventsOf6438()).isEqualTo(events + 1);
    }

    @Test
    void aKeyThatIsNotPlainTextIsA400() {
        given().header(IdempotentActions.HEADER, "x".repeat(201)).contentType(ContentType.JSON).body("{}")
                .post(AGENT + "/logout").then().statusCode(400).contentType("application/problem+json");
    }

    private static JsonPath login(String key) {
        return given().header(IdempotentActions.HEADER, key).contentType(ContentType.JSON)
                .body("{\"maxTaskLimit\":1}").post(AGENT + "/login").then().statusCode(200).extract().jsonPath();
    }

    private static int eventsOf6438() {
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        return (int) TestKafka.readAll(bootstrap, Topics.AGENT_EVENTS).stream().filter(r -> "6438".equals(r.key()))
                .count();
    }
}
