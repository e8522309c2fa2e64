package dev.agentavailability.listener;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import dev.agentavailability.testsupport.ServiceReadiness;
import dev.agentavailability.contract.Decoded;
import dev.agentavailability.contract.access.Roles;
import dev.agentavailability.contract.arm.ArmEvent;
import dev.agentavailability.contract.arm.ArmEventJson;
import dev.agentavailability.contract.arm.ArmMessage;
import dev.agentavailability.contract.topic.Topics;
import dev.agentavailability.testsupport.KafkaAndPostgresResource;
import dev.agentavailability.testsupport.TestKafka;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The listener against a real Kafka broker, with the topics seeded by {@link SeededTopics} before it starts. */
@QuarkusTest
// Runs as admin: what this class tests is not who may call (AccessTest is).
@TestSecurity(user = "admin", roles = Roles.ADMIN)
@QuarkusTestResource(value = KafkaAndPostgresResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = SeededTopics.class, restrictToAnnotatedClass = false)
class ListenerServiceTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    @BeforeEach
    void awaitReadiness() {
        ServiceReadiness.await("listener");
    }

    @Test
    void loginPublishesMediaLoginReqKeyedByTheAgentOnceKafkaHasIt() {
        ValidatableResponse answer = post("/agents/6420/mrds/5000/login",
                "{\"maxTaskLimit\": 2, \"agentInfo\": \"1005\"}")
                .statusCode(200)
                .contentType(ContentType.JSON)
                .body("published.size()", equalTo(1))
                .body("published[0].message", equalTo("MEDIA_LOGIN_REQ"))
                .body("published[0].messageType", equalTo(151))
                .body("published[0].icmAgentId", equalTo(6420))
                .body("published[0].mrdId", equalTo(5000))
                .body("published[0].topic", equalTo(Topics.AGENT_EVENTS));
        String eventId = answer.extract().path("published[0].eventId");
        int partition = answer.extract().path("published[0].partition");
        long offset = ((Number) answer.extract().path("published[0].offset")).longValue();

        ConsumerRecord<String, String> record = agentEvents().stream()
                .filter(r -> r.partition() == partition && r.offset() == offset)
                .findFirst().orElseThrow(() -> new AssertionError("no record at " + partition + "/" + offset));
        assertThat(record.key()).isEqualTo("6420");
        Decoded<ArmEvent> decoded = ArmEventJson.read(record.value());
        assertThat(decoded.error()).isNull();
        ArmEvent event = decoded.value();
        assertThat(event.eventId()).isEqualTo(UUID.fromString(eventId));
        assertThat(event.message()).isEqualTo(ArmMessage.MEDIA_LOGIN_REQ);
        assertThat(event.icmAgentId()).isEqualTo(6420);
        assertThat(event.mrdId()).isEqualTo(5000);
        assertThat(event.source()).isEqualTo("listener-service");
        assertThat(event.fields().maxTaskLimit()).isEqualTo(2L);
        assertThat(event.fields().agentInfo()).isEqualTo("1005");
        assertThat(event.fields().agentMode()).isZero();
        assertThat(event.fields().isAvailable()).isFalse();

        given().get("/agents/6420").then().statusCode(200)
                .body("mrds.'5000'.loggedIn", equalTo(true))
                .body("mrds.'5000'.taskLimit", equalTo(2))
                .body("mrds.'5000'.state", equalTo("NOT_READY"));
    }

    @Test
    void readyInAnMrdTheAgentIsNotLoggedIntoIsRefusedAndNotPublished() {
        post("/agents/6421/mrds/5000/login", "{\"maxTaskLimit\": 2}").statusCode(200);
        int before = agentEvents().size();

        post("/agents/6421/mrds/1/ready", null)
                .statusCode(409)
                .contentType(PROBLEM_JSON)
                .body("armStatus", equalTo("E_ARM_STAT_AGENT_NOT_LOGGED_IN"))
                .body("armStatusCode", equalTo(6))
                .body("detail", equalTo("MAKE_AGENT_READY_IND: agent 6421 is not logged into MRD 1"));

        assertThat(agentEvents()).hasSize(before);
    }

    @Test
    void startingATaskBeyondTheTaskLimitIsRefused() {
        post("/agents/6422/mrds/5000/login", "{\"maxTaskLimit\": 1}").statusCode(200);
        post("/agents/6422/mrds/5000/tasks/1/start", null).statusCode(200)
                .body("published[0].message", equalTo("START_TASK_IND"));

        post("/agents/6422/mrds/5000/tasks/0-2-0/start", null)
                .statusCode(409)
                .contentType(PROBLEM_JSON)
                .body("armStatus", equalTo("TASK_LIMIT_REACHED"))
                .body("armStatusCode", equalTo(1001))
                .body("detail", containsString("holds 1 of 1 tasks"));

        given().get("/agents/6422").then().statusCode(200)
                .body("mrds.'5000'.tasks.size()", equalTo(1))
                .body("mrds.'5000'.state", equalTo("ACTIVE"));
    }

    @Test
    void loginToAnMrdOffTheApplicationPathIsRefused() {
        post("/agents/6423/mrds/1/login", "{\"maxTaskLimit\": 1}")
                .statusCode(409)
                .contentType(PROBLEM_JSON)
                .body("armStatus", equalTo("E_ARM_STAT_LOGIN_NOT_ALLOWED_FOR_APP_PATH"))
                .body("armStatusCode", equalTo(27))
                .body("detail", containsString("MRD 1 is not on application path 5001"));
        given().get("/agents/6423").then().statusCode(404).contentType(PROBLEM_JSON);
    }

    @Test
    void loginOfAnAgentThatIsNotConfiguredIsRefused() {
        post("/agents/9999/mrds/5000/login", "{\"maxTaskLimit\": 1}")
                .statusCode(409)
                .contentType(PROBLEM_JSON)
                .body("armStatus", equalTo("E_ARM_STAT_AGENT_NOT_FOUND"))
                .body("armStatusCode", equalTo(2))
                .body("instance", equalTo("/agents/9999/mrds/5000/login"));
    }

    @Test
    void malformedJsonIsABadRequestProblemThatNamesTheFault() {
        post("/agents/6424/mrds/5000/login", "{\"maxTaskLimit\": 2")
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("status", equalTo(400))
                .body("detail", startsWith("request body: not valid JSON: Unexpected end-of-input"));
        post("/agents/6424/mrds/5000/login", "{\"maxTaskLimit\": \"two\"}")
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("detail", startsWith("request body: field 'maxTaskLimit': Cannot coerce String value"));
        post("/agents/6424/mrds/5000/login", "{\"maxTaskLimits\": 2}")
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("detail", startsWith("request body: field 'maxTaskLimits' is not known"));
    }

    @Test
    void negativeMaxTasksIsABadRequestNamingTheField() {
        post("/agents/6424/mrds/5000/routable", "{\"maxTasks\": -1}")
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("violations.field", hasItem("maxTasks"))
                .body("detail", equalTo("maxTasks must be greater than or equal to 0"));
        post("/agents/0/mrds/5000/not-routable", null)
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("violations.field", hasItem("icmAgentId"));
        post("/agents/6424/mrds/5000/routable", null)
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("violations.field", hasItem("body"));
    }

    @Test
    void aTaskIdThatIsNoTaskIdIsABadRequest() {
        post("/agents/6424/mrds/5000/tasks/1-2/offer", null)
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("detail", containsString("taskId '1-2' is not a CTI task id"));
    }

    @Test
    void anAgentNeverSeenIsNotFound() {
        given().get("/agents/6425").then().statusCode(404).contentType(PROBLEM_JSON)
                .body("detail", containsString("agent 6425"));
    }

    @Test
    void agentStateIsRebuiltFromTheTopicAtStartup() {
        given().get("/agents/" + SeededTopics.REBUILT_AGENT).then().statusCode(200)
                .body("mrds.'5000'.loggedIn", equalTo(true))
                .body("mrds.'5000'.routable", equalTo(true))
                .body("mrds.'5000'.ready", equalTo(true))
                .body("mrds.'5000'.taskLimit", equalTo(2))
                .body("mrds.'5000'.state", equalTo("NOT_ACTIVE"));
        // So a second login is refused as the CTI server would refuse it.
        post("/agents/" + SeededTopics.REBUILT_AGENT + "/mrds/5000/login", "{\"maxTaskLimit\": 1}")
                .statusCode(409)
                .body("armStatus", equalTo("E_ARM_STAT_AGENT_ALREADY_LOGGED_IN"));
    }

    @Test
    void invokeIdsContinueAboveTheLargestOnTheTopic() {
        post("/agents/6427/mrds/5000/login", "{\"maxTaskLimit\": 1}")
                .statusCode(200)
                .body("published[0].invokeId", greaterThan((int) SeededTopics.LAST_SEEDED_INVOKE_ID));
    }

    @Test
    void actionsWithoutBodyTakeTheEceDefaultsAndAnyContentType() {
        post("/agents/6428/mrds/5000/login", "{\"maxTaskLimit\": 2}").statusCode(200);
        post("/agents/6428/mrds/5000/routable", "{\"maxTasks\": 2}").statusCode(200);
        post("/agents/6428/mrds/5000/not-ready", null).statusCode(200);
        post("/agents/6428/mrds/5000/not-routable", null).statusCode(200);
        post("/agents/6428/mrds/5000/ready", null).statusCode(200)
                .body("published[0].message", equalTo("MAKE_AGENT_READY_IND"));
        given().get("/agents/6428").then().statusCode(200)
                .body("mrds.'5000'.ready", equalTo(true))
                .body("mrds.'5000'.routable", equalTo(true)); // makeRoutable defaults to true
        given().contentType(ContentType.TEXT).post("/agents/6428/mrds/5000/tasks/0-1-0/offer").then()
                .statusCode(200)
                .body("published[0].message", equalTo("OFFER_TASK_IND"));
        given().contentType(ContentType.JSON).body("{\"maxTaskLimit\": 3}").put("/agents/6428/mrds/5000/task-limit")
                .then().statusCode(200)
                .body("published[0].message", equalTo("CHANGE_MAX_TASK_LIMIT_REQ"));
        post("/agents/6428/mrds/5000/tasks/0-1-0/start", null).statusCode(200);
        post("/agents/6428/mrds/5000/tasks/0-1-0/pause", null).statusCode(200);
        post("/agents/6428/mrds/5000/tasks/0-1-0/resume", null).statusCode(200);
        post("/agents/6428/mrds/5000/tasks/0-1-0/wrapup", null).statusCode(200);
        post("/agents/6428/mrds/5000/tasks/0-1-0/end", "{\"disposition\": 38}").statusCode(200)
                .body("published[0].message", equalTo("END_TASK_IND"));
        post("/agents/6428/mrds/5000/logout", null).statusCode(200)
                .body("published[0].message", equalTo("MEDIA_LOGOUT_IND"));
        given().get("/agents/6428").then().statusCode(200)
                .body("mrds.'5000'.loggedIn", equalTo(false))
                .body("mrds.'5000'.state", equalTo("LOGOUT"));
    }

    @Test
    void readinessWaitsForTheConfigTopicAsItEndedAtStartup() {
        int seeded = SeededTopics.referenceData().size() + 1; // and one unreadable record
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'listener' }.data.configEndOffsetAtStart",
                        org.hamcrest.Matchers.greaterThanOrEqualTo(seeded))
                .body("checks.find { it.name == 'listener' }.data.agentStatesRebuilt", equalTo(true));
    }

    @Test
    void oneAgentsConcurrentLoginsAreSerializedSoOnlyOnePasses() throws Exception {
        int agent = 6426;
        int attempts = 8;
        ExecutorService pool = Executors.newFixedThreadPool(attempts);
        List<Integer> statuses = new ArrayList<>();
        try {
            List<Callable<Integer>> logins = new ArrayList<>();
            for (int i = 0; i < attempts; i++) {
                logins.add(() -> given().contentType(ContentType.JSON).body("{\"maxTaskLimit\": 2}")
                        .post("/agents/" + agent + "/mrds/5000/login").statusCode());
            }
            for (Future<Integer> status : pool.invokeAll(logins, 60, TimeUnit.SECONDS)) {
                statuses.add(status.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(statuses).containsOnly(200, 409);
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        long published = agentEvents().stream()
                .filter(r -> r.key().equals(Integer.toString(agent)))
                .filter(r -> ArmEventJson.read(r.value()).value().message() == ArmMessage.MEDIA_LOGIN_REQ)
                .count();
        assertThat(published).isEqualTo(1);
    }

    private static ValidatableResponse post(String path, String json) {
        var request = given().contentType(ContentType.JSON);
        if (json != null) {
            request = request.body(json);
        }
        return request.post(path).then();
    }

    private static List<ConsumerRecord<String, String>> agentEvents() {
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        return TestKafka.readAll(bootstrap, Topics.AGENT_EVENTS);
    }
}
