package dev.agentavailability.listener.access;

import static dev.agentavailability.testsupport.AccessTable.call;
import static dev.agentavailability.testsupport.AccessTable.publicCall;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.equalToIgnoringCase;

import dev.agentavailability.testsupport.ServiceReadiness;
import dev.agentavailability.contract.access.Roles;
import dev.agentavailability.contract.topic.Topics;
import dev.agentavailability.listener.SeededTopics;
import dev.agentavailability.testsupport.AccessTable;
import dev.agentavailability.testsupport.KafkaAndPostgresResource;
import dev.agentavailability.testsupport.TestKafka;
import dev.agentavailability.testsupport.TestUsers;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Arrays;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Who may call the listener: every endpoint against every role, with real HTTP Basic logins. */
@QuarkusTest
@QuarkusTestResource(value = KafkaAndPostgresResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = SeededTopics.class, restrictToAnnotatedClass = false)
class AccessTest {

    private static final String[] ACTORS = {Roles.AGENT, Roles.ECE_LISTENER, Roles.ADMIN};
    private static final String AGENT = "/agents/6420/mrds/5000";
    private static final String JSON = "application/json";

    static AccessTable table() {
        return new AccessTable()
                .add(call("POST", AGENT + "/login", ACTORS).body(JSON, "{\"maxTaskLimit\": 2}")
                        .reachesEndpoint())
                .add(call("GET", "/agents/6420", Roles.AGENT, Roles.ECE_LISTENER, Roles.SUPERVISOR, Roles.ADMIN))
                .add(publicCall("GET", "/"))
                .add(call("POST", AGENT + "/routable", ACTORS).body(JSON, "{\"maxTasks\": 2}")
                        .reachesEndpoint())
                .add(call("POST", AGENT + "/ready", ACTORS).body(JSON, "{}").reachesEndpoint())
                .add(call("POST", AGENT + "/tasks/t-1/offer", ACTORS).reachesEndpoint())
                .add(call("POST", AGENT + "/tasks/t-1/end", ACTORS).body(JSON, "{}").reachesEndpoint())
                .add(call("PUT", AGENT + "/task-limit", ACTORS).body(JSON, "{\"maxTaskLimit\": 3}")
                        .reachesEndpoint())
                .add(call("POST", AGENT + "/interrupt-accepted", ACTORS).reachesEndpoint())
                .add(call("POST", AGENT + "/not-ready", ACTORS).body(JSON, "{}").reachesEndpoint())
                .add(call("POST", AGENT + "/not-routable", ACTORS).reachesEndpoint())
                .add(call("POST", AGENT + "/logout", ACTORS).body(JSON, "{}").reachesEndpoint())
                .add(call("POST", "/arm", Roles.ECE_LISTENER, Roles.ADMIN)
                        .body(JSON, "{\"message\":\"MEDIA_LOGIN_REQ\",\"mrdId\":5000,"
                                + "\"icmAgentId\":6440,\"fields\":{\"maxTaskLimit\":1}}")
                        .reachesEndpoint())
                .add(call("POST", "/arm", Roles.ECE_LISTENER, Roles.ADMIN)
                        .body("application/octet-stream", "not a frame").reachesEndpoint())
                .add(call("POST", "/arm", Roles.ECE_LISTENER, Roles.ADMIN)
                        .body("text/plain", "not a log line").reachesEndpoint())
                .add(call("POST", "/application-paths/5001/mrds/5000/domain-status", Roles.ECE_LISTENER,
                        Roles.ADMIN).body(JSON, "{\"domainAvailable\": true}"));
    }

    @BeforeEach
    void awaitReadiness() {
        ServiceReadiness.await("listener");
    }

    @Test
    void everyEndpointAdmitsItsRolesAndRefusesTheOthers() {
        assertThat(table().check()).isEmpty();
    }

    @Test
    void theApiDocumentNamesEveryEndpointOfTheTableWithItsRoles() {
        String openApi = given().accept("application/json").get("/q/openapi?format=json").asString();
        assertThat(table().apiDocumentFaults(openApi)).isEmpty();
    }

    @Test
    void anAgentActingForAnotherAgentIsRefusedAndNothingIsPublished() {
        int before = TestKafka.readAll(bootstrap(), Topics.AGENT_EVENTS).size();

        given().auth().preemptive().basic(TestUsers.AGENT_5033.user(), TestUsers.AGENT_5033.password())
                .contentType(ContentType.JSON).body("{\"maxTaskLimit\": 2}")
                .post("/agents/6421/mrds/5000/login").then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("detail", equalTo("user agent5033 acts for ICM agent 5033 only, not for agent 6421"));

        assertThat(TestKafka.readAll(bootstrap(), Topics.AGENT_EVENTS)).hasSize(before);
    }

    @Test
    void anAgentActsForItself() {
        // The broker may outlive a run: a login left by an earlier one is ended first (refused if there is none).
        given().auth().preemptive().basic(TestUsers.AGENT_5033.user(), TestUsers.AGENT_5033.password())
                .contentType(ContentType.JSON).body("{}").post("/agents/5033/mrds/5000/logout").then()
                .statusCode(anyOf(equalTo(200), equalTo(409)));
        given().auth().preemptive().basic(TestUsers.AGENT_5033.user(), TestUsers.AGENT_5033.password())
                .contentType(ContentType.JSON).body("{\"maxTaskLimit\": 2}")
                .post("/agents/5033/mrds/5000/login").then()
                .statusCode(200)
                .body("published[0].icmAgentId", equalTo(5033));
        // Leaves 5033 logged out, as other classes expect of the dump's agent.
        given().auth().preemptive().basic(TestUsers.AGENT_5033.user(), TestUsers.AGENT_5033.password())
                .contentType(ContentType.JSON).body("{}").post("/agents/5033/mrds/5000/logout").then()
                .statusCode(200);
    }

    @Test
    void aBodyOverTheLimitIsRefusedWith413() {
        byte[] overOneMegabyte = new byte[1024 * 1024 + 1];
        Arrays.fill(overOneMegabyte, (byte) 'x');
        given().auth().preemptive().basic(TestUsers.ADMIN.user(), TestUsers.ADMIN.password())
                .contentType("text/plain").body(overOneMegabyte).post("/arm").then().statusCode(413);
    }

    @Test
    void aWrongPasswordIsRefusedWithAChallengeAndProblemDetails() {
        given().auth().preemptive().basic(TestUsers.ADMIN.user(), "wrong").get("/agents/6420").then()
                .statusCode(401)
                .header("WWW-Authenticate", equalToIgnoringCase("basic"))
                .contentType("application/problem+json")
                .body("status", equalTo(401)).body("detail", containsString("login was refused"));
    }

    @Test
    void aCallWithoutLoginIsRefusedWithAChallengeAndProblemDetails() {
        given().contentType(ContentType.JSON).body("{}").post("/agents/6420/mrds/5000/logout").then()
                .statusCode(401)
                .header("WWW-Authenticate", equalToIgnoringCase("basic"))
                .contentType("application/problem+json")
                .body("status", equalTo(401)).body("detail", containsString("needs a login"));
    }

    private static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }
}
