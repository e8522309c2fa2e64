package dev.agentavailability.listener;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.startsWith;

import dev.agentavailability.testsupport.ServiceReadiness;
import dev.agentavailability.contract.Decoded;
import dev.agentavailability.contract.access.Roles;
import dev.agentavailability.contract.arm.ArmEvent;
import dev.agentavailability.contract.arm.ArmEventJson;
import dev.agentavailability.contract.arm.ArmFields;
import dev.agentavailability.contract.arm.ArmMessage;
import dev.agentavailability.contract.topic.Topics;
import dev.agentavailability.contract.wire.ArmWireMapping;
import dev.agentavailability.contract.wire.ByteDump;
import dev.agentavailability.contract.wire.CtiCodec;
import dev.agentavailability.contract.wire.TagWidth;
import dev.agentavailability.testsupport.TestKafka;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /arm} (frames, log text, JSON), the application path's domain status and the interrupt actions,
 * against the real Kafka broker that {@link ListenerServiceTest} declares (its test resources are global).
 */
@QuarkusTest
// Runs as admin: what this class tests is not who may call (AccessTest is).
@TestSecurity(user = "admin", roles = Roles.ADMIN)
class ArmMessagesTest {

    private static final String PROBLEM_JSON = "application/problem+json";
    /** The tech note's MAKE_AGENT_ROUTABLE_IND dump: invoke id 80171, MRD 5000, agent 6420, MaxTasks 2. */
    private static final String ROUTABLE_DUMP = "0 0 0 16 0 0 0 -102 0 1 57 43 0 0 19 -120 0 0 25 20 0 0 0 2";
    /** The tech note's MEDIA_LOGIN_REQ record as the ECE listener logged it, wrapped over five lines. */
    private static final String LOGIN_RECORD = String.join("\n",
            "2019-07-20 18:27:31.749 GMT+0000 <@> INFO <@> [14285:listener-event-pool-priority-arm-request-executor::-0] <@> ProcessId:4584",
            "<@> PID:1 <@> UID:1005 <@> HttpSessionId:IrltMMd3T0prrkbhAwK8wkL5 <@>",
            "com.ipcc.listener.arm.ARMLogger <@>",
            "<@> Sending MEDIA_LOGIN_REQ -> 0 0 0 27 0 0 0 -105 0 2 8 1 0 0 19 -120 0 0 19 -87 0 0 0 0 0 0 0",
            "1 107 5 49 48 48 53 0 <@>",
            "");
    private static final int PARTITIONS = 6;

    private final CtiCodec codec = new CtiCodec();

    @BeforeEach
    void awaitReadiness() {
        ServiceReadiness.await("listener");
    }

    @Test
    void theRoutableDumpAsBinaryFramesPublishesMaxTasksTwoForAgent6420() {
        Instant before = Instant.now();
        loggedIn(6420);
        try {
            ValidatableResponse answer = given().contentType(ContentType.BINARY).body(ByteDump.parse(ROUTABLE_DUMP))
                    .post("/arm").then()
                    .statusCode(200)
                    .body("published.size()", equalTo(1))
                    .body("published[0].message", equalTo("MAKE_AGENT_ROUTABLE_IND"))
                    .body("published[0].invokeId", equalTo(80_171))
                    .body("published[0].icmAgentId", equalTo(6420));

            ArmEvent event = recordOf(answer, 0, "6420");
            assertThat(event.message()).isEqualTo(ArmMessage.MAKE_AGENT_ROUTABLE_IND);
            assertThat(event.fields().maxTasks()).isEqualTo(2L);
            assertThat(event.invokeId()).isEqualTo(80_171L);
            assertThat(event.mrdId()).isEqualTo(5000);
            assertThat(event.source()).isEqualTo("listener-service");
            assertThat(event.occurredAt()).isAfterOrEqualTo(before.minusSeconds(1));
            given().get("/agents/6420").then().statusCode(200)
                    .body("mrds.'5000'.routable", equalTo(true))
                    .body("mrds.'5000'.taskLimit", equalTo(2));
        } finally {
            loggedOut(6420);
        }
    }

    @Test
    void theRoutableDumpAsListenerLogTextPublishesTheSame() {
        loggedIn(6420);
        try {
            ValidatableResponse answer = given().contentType(ContentType.TEXT)
                    .body("Sending MAKE_AGENT_ROUTABLE_IND -> " + ROUTABLE_DUMP)
                    .post("/arm").then()
                    .statusCode(200)
                    .body("published.size()", equalTo(1))
                    .body("published[0].message", equalTo("MAKE_AGENT_ROUTABLE_IND"));

            ArmEvent event = recordOf(answer, 0, "6420");
            assertThat(event.fields().maxTasks()).isEqualTo(2L);
            assertThat(event.icmAgentId()).isEqualTo(6420);
            assertThat(event.invokeId()).isEqualTo(80_171L);
        } finally {
            loggedOut(6420);
        }
    }

    @Test
    void aWholeLogRecordLogsTheDumpAgentInNowAndItsResponseFindsTheAgentByInvokeId() {
        Instant before = Instant.now();
        ValidatableResponse login = given().contentType(ContentType.TEXT).body(LOGIN_RECORD).post("/arm").then()
                .statusCode(200)
                .body("published[0].message", equalTo("MEDIA_LOGIN_REQ"))
                .body("published[0].icmAgentId", equalTo(SeededTopics.DUMP_LOGIN_AGENT))
                .body("published[0].invokeId", equalTo(133_121));
        ArmEvent event = recordOf(login, 0, "5033");
        assertThat(event.fields()).isEqualTo(ArmFields.mediaLogin(0, false, 1, "1005"));
        // Live, not an import: the time of the call, not the log's 2019 timestamp.
        assertThat(event.occurredAt()).isAfterOrEqualTo(before.minusSeconds(1));

        // The CTI server's answer carries only the invoke id and a status; the listener knows the rest.
        byte[] response = codec.encode(ArmWireMapping.toWire(ArmEvent.of(ArmMessage.MEDIA_LOGIN_RESP, Instant.now(),
                133_121, 0, 0, new ArmFields(null, null, null, null, null, null, null, null, null, 0L, null, null,
                        null), "test")), TagWidth.ONE_BYTE);
        assertThat(ByteDump.signedDecimal(response)).isEqualTo("0 0 0 8 0 0 0 -104 0 2 8 1 0 0 0 0");
        ValidatableResponse answer = given().contentType(ContentType.BINARY).body(response).post("/arm").then()
                .statusCode(200)
                .body("published[0].message", equalTo("MEDIA_LOGIN_RESP"))
                .body("published[0].icmAgentId", equalTo(SeededTopics.DUMP_LOGIN_AGENT))
                .body("published[0].mrdId", equalTo(5000));
        assertThat(recordOf(answer, 0, "5033").fields().status()).isZero();

        given().contentType(ContentType.BINARY).body(codec.encode(ArmWireMapping.toWire(ArmEvent.of(
                ArmMessage.MAKE_AGENT_NOT_READY_RESP, Instant.now(), 133_121, 0, 0, null, "test")), TagWidth.ONE_BYTE))
                .post("/arm").then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("detail", containsString("echoes invoke id 133121 of a MEDIA_LOGIN_REQ, not of a "
                        + "MAKE_AGENT_NOT_READY_REQ"));
    }

    @Test
    void aJsonMessageRunsLikeAnAgentAction() {
        loggedIn(6432);
        given().contentType(ContentType.JSON)
                .body("{\"message\":\"MAKE_AGENT_ROUTABLE_IND\",\"invokeId\":80171,\"mrdId\":5000,"
                        + "\"icmAgentId\":6432,\"fields\":{\"maxTasks\":2}}")
                .post("/arm").then()
                .statusCode(200)
                .body("published[0].message", equalTo("MAKE_AGENT_ROUTABLE_IND"))
                .body("published[0].invokeId", equalTo(80_171))
                .body("published[0].icmAgentId", equalTo(6432));
        // Without an invoke id the listener numbers it, as it numbers agent actions.
        given().contentType(ContentType.JSON)
                .body("{\"message\":\"MAKE_AGENT_READY_IND\",\"messageType\":157,\"mrdId\":5000,\"icmAgentId\":6432,"
                        + "\"fields\":{\"makeRoutable\":true}}")
                .post("/arm").then()
                .statusCode(200)
                .body("published[0].invokeId", greaterThan((int) SeededTopics.LAST_SEEDED_INVOKE_ID));
        given().get("/agents/6432").then().statusCode(200)
                .body("mrds.'5000'.state", equalTo("NOT_ACTIVE"))
                .body("mrds.'5000'.taskLimit", equalTo(2));

        given().contentType(ContentType.JSON)
                .body("{\"message\":\"MAKE_AGENT_ROUTABLE_IND\",\"messageType\":155,\"mrdId\":5000,"
                        + "\"icmAgentId\":6432,\"fields\":{\"maxTasks\":2}}")
                .post("/arm").then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("detail", containsString("messageType 155 does not match MAKE_AGENT_ROUTABLE_IND (154)"));
        given().contentType(ContentType.JSON)
                .body("{\"message\":\"MAKE_AGENT_ROUTABLE_IND\",\"mrdId\":5000,\"icmAgentId\":6432,"
                        + "\"fields\":{\"maxTasks\":4294967296}}")
                .post("/arm").then()
                .statusCode(400)
                .body("detail", containsString("maxTasks"));
        given().contentType(ContentType.JSON)
                .body("{\"message\":\"MAKE_AGENT_ROUTABLE_IND\",\"mrdId\":5000,\"icmAgentId\":6432}")
                .post("/arm").then()
                .statusCode(400)
                .body("detail", containsString("MAKE_AGENT_ROUTABLE_IND needs fields.maxTasks"));
        given().contentType(ContentType.JSON)
                .body("{\"message\":\"NO_SUCH_IND\",\"mrdId\":5000,\"icmAgentId\":6432}")
                .post("/arm").then()
                .statusCode(400)
                .body("detail", startsWith("request body: field 'message'"));
    }

    @Test
    void aTruncatedFrameIsABadRequestNamingTheOffsetAndNothingOfTheBodyIsPublished() {
        loggedIn(6433);
        int before = agentEvents().size();
        byte[] good = frame(ArmMessage.MAKE_AGENT_ROUTABLE_IND, 6433, 5000, ArmFields.maxTasks(3));
        byte[] truncated = Arrays.copyOf(ByteDump.parse(ROUTABLE_DUMP), 23);

        given().contentType(ContentType.BINARY).body(concat(good, truncated)).post("/arm").then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("detail", equalTo("frame 1 (body bytes 24..46): offset 0: MessageLength 16 does not match "
                        + "the 15 bytes after the header"))
                .body("index", equalTo(1))
                .body("offset", equalTo(0))
                .body("bodyOffset", equalTo(24));
        given().contentType(ContentType.TEXT)
                .body("Sending MAKE_AGENT_ROUTABLE_IND -> " + ByteDump.signedDecimal(good) + "\n"
                        + "Sending MAKE_AGENT_ROUTABLE_IND -> 0 0 0 16 0 0 0 -102 0 1 57 43 0 0 19 -120 0 0 25 20 0 0")
                .post("/arm").then()
                .statusCode(400)
                .body("detail", equalTo("frame 1 (MAKE_AGENT_ROUTABLE_IND, line 1): offset 0: MessageLength 16 "
                        + "does not match the 14 bytes after the header"))
                .body("index", equalTo(1));
        given().contentType(ContentType.BINARY).body(good).queryParam("tagWidth", "3").post("/arm").then()
                .statusCode(400)
                .body("detail", startsWith("tagWidth must be 1"));

        assertThat(agentEvents()).hasSize(before);
        given().get("/agents/6433").then().statusCode(200).body("mrds.'5000'.routable", equalTo(false));
    }

    @Test
    void whenTheSecondMessageIsRefusedTheFirstStaysPublished() {
        loggedIn(6434);
        byte[] routable = frame(ArmMessage.MAKE_AGENT_ROUTABLE_IND, 6434, 5000, ArmFields.maxTasks(3));
        byte[] readyInVoice = frame(ArmMessage.MAKE_AGENT_READY_IND, 6434, SeededTopics.VOICE,
                ArmFields.makeRoutable(true));

        ValidatableResponse refused = given().contentType(ContentType.BINARY).body(concat(routable, readyInVoice))
                .post("/arm").then()
                .statusCode(409)
                .contentType(PROBLEM_JSON)
                .body("index", equalTo(1))
                .body("message", equalTo("MAKE_AGENT_READY_IND"))
                .body("armStatus", equalTo("E_ARM_STAT_AGENT_NOT_LOGGED_IN"))
                .body("armStatusCode", equalTo(6))
                .body("reason", equalTo("MAKE_AGENT_READY_IND: agent 6434 is not logged into MRD 1"))
                .body("detail", startsWith("message 1 of 2 (MAKE_AGENT_READY_IND) refused: "))
                .body("published.size()", equalTo(1))
                .body("published[0].message", equalTo("MAKE_AGENT_ROUTABLE_IND"));

        String eventId = refused.extract().path("published[0].eventId");
        assertThat(agentEvents()).filteredOn(r -> r.value().contains(eventId)).hasSize(1);
        given().get("/agents/6434").then().statusCode(200)
                .body("mrds.'5000'.routable", equalTo(true))
                .body("mrds.'5000'.taskLimit", equalTo(3))
                .body("mrds.'1'", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void aDomainStatusGoesToEveryPartitionWithoutAnAgent() {
        ValidatableResponse answer = given().contentType(ContentType.JSON).body("{\"domainAvailable\": false}")
                .post("/application-paths/5001/mrds/5000/domain-status").then()
                .statusCode(200)
                .body("published.size()", equalTo(PARTITIONS))
                .body("published.message", everyItem(equalTo("APP_PATH_DOMAIN_STATUS_EVENT")))
                .body("published.icmAgentId", everyItem(equalTo(0)))
                .body("published.invokeId", everyItem(equalTo(0)));
        List<Integer> partitions = answer.extract().path("published.partition");
        assertThat(partitions).containsExactly(0, 1, 2, 3, 4, 5);
        String eventId = answer.extract().path("published[0].eventId");

        List<ConsumerRecord<String, String>> records = agentEvents().stream()
                .filter(r -> r.value().contains(eventId)).toList();
        assertThat(records).hasSize(PARTITIONS);
        assertThat(records.stream().map(ConsumerRecord::partition).collect(Collectors.toSet()))
                .isEqualTo(Set.of(0, 1, 2, 3, 4, 5));
        for (ConsumerRecord<String, String> record : records) {
            assertThat(record.key()).isEqualTo("APP_PATH:5001/MRD:5000");
            ArmEvent event = read(record);
            assertThat(event.eventId()).isEqualTo(UUID.fromString(eventId));
            assertThat(event.icmAgentId()).isZero();
            assertThat(event.mrdId()).isEqualTo(5000);
            assertThat(event.fields()).isEqualTo(ArmFields.domainStatus(5001, false));
        }

        // The same message as the listener would send it, back to available.
        given().contentType(ContentType.JSON)
                .body("{\"message\":\"APP_PATH_DOMAIN_STATUS_EVENT\",\"mrdId\":5000,"
                        + "\"fields\":{\"applicationPathId\":5001,\"domainAvailable\":true}}")
                .post("/arm").then()
                .statusCode(200)
                .body("published.size()", equalTo(PARTITIONS));
    }

    @Test
    void aDomainStatusForAnMrdOffThePathIsRefused() {
        int before = agentEvents().size();
        given().contentType(ContentType.JSON).body("{\"domainAvailable\": false}")
                .post("/application-paths/5001/mrds/1/domain-status").then()
                .statusCode(409)
                .contentType(PROBLEM_JSON)
                .body("armStatus", equalTo("E_ARM_STAT_LOGIN_NOT_ALLOWED_FOR_APP_PATH"))
                .body("armStatusCode", equalTo(27))
                .body("detail", containsString("MRD 1 is not on application path 5001"));
        given().contentType(ContentType.JSON).body("{\"domainAvailable\": true}")
                .post("/application-paths/42/mrds/5000/domain-status").then()
                .statusCode(409)
                .body("detail", containsString("application path 42 is not configured"));
        given().contentType(ContentType.JSON).body("{}")
                .post("/application-paths/5001/mrds/5000/domain-status").then()
                .statusCode(400)
                .body("violations.field", org.hamcrest.Matchers.hasItem("domainAvailable"));
        assertThat(agentEvents()).hasSize(before);
    }

    @Test
    void theInterruptFlowAndApplicationSelectedTasks() {
        int agent = 6435;
        loggedIn(agent);
        post("/agents/" + agent + "/mrds/5000/routable", "{\"maxTasks\": 2}").statusCode(200);
        post("/agents/" + agent + "/mrds/5000/ready", null).statusCode(200);

        post("/agents/" + agent + "/mrds/5000/interrupt-done-accepted", null)
                .statusCode(409)
                .body("armStatus", equalTo("NOT_INTERRUPTED"))
                .body("armStatusCode", equalTo(1007));

        // The CTI server's advisory (the listener plays the server's side too), then the client's answer.
        given().contentType(ContentType.JSON)
                .body("{\"message\":\"AGENT_INTERRUPT_ADVISORY_EVENT\",\"mrdId\":5000,\"icmAgentId\":" + agent
                        + ",\"fields\":{\"interruptingMrdId\":1}}")
                .post("/arm").then()
                .statusCode(200)
                .body("published[0].invokeId", equalTo(0));
        post("/agents/" + agent + "/mrds/5000/interrupt-accepted", null).statusCode(200)
                .body("published[0].message", equalTo("AGENT_INTERRUPT_ACCEPTED_IND"));
        given().get("/agents/" + agent).then().statusCode(200)
                .body("mrds.'5000'.interrupted", equalTo(true))
                .body("mrds.'5000'.state", equalTo("INTERRUPTED"));

        given().contentType(ContentType.BINARY).body(codec.encode(ArmWireMapping.toWire(ArmEvent.of(
                ArmMessage.AGENT_INTERRUPT_DONE_ADVISORY_EVENT, Instant.now(), 0, 5000, agent, null, "test")),
                TagWidth.ONE_BYTE)).post("/arm").then()
                .statusCode(200)
                .body("published[0].message", equalTo("AGENT_INTERRUPT_DONE_ADVISORY_EVENT"));
        post("/agents/" + agent + "/mrds/5000/interrupt-done-accepted", null).statusCode(200)
                .body("published[0].message", equalTo("AGENT_INTERRUPT_DONE_ACCEPTED_IND"));
        given().get("/agents/" + agent).then().statusCode(200)
                .body("mrds.'5000'.interrupted", equalTo(false))
                .body("mrds.'5000'.state", equalTo("NOT_ACTIVE"));
        post("/agents/" + agent + "/mrds/5000/interrupt-unaccepted", null).statusCode(200)
                .body("published[0].message", equalTo("AGENT_INTERRUPT_UNACCEPTED_IND"));

        ValidatableResponse offered = post("/agents/" + agent + "/mrds/5000/tasks/0-9-1/offer-application", null)
                .statusCode(200)
                .body("published[0].message", equalTo("OFFER_APPLICATION_TASK_REQ"));
        int offerInvokeId = offered.extract().path("published[0].invokeId");
        given().get("/agents/" + agent).then().body("mrds.'5000'.state", equalTo("RESERVED"));
        // Its response, as JSON without MRD and agent: the listener finds them by the echoed invoke id.
        given().contentType(ContentType.JSON)
                .body("{\"message\":\"OFFER_APPLICATION_TASK_RESP\",\"invokeId\":" + offerInvokeId
                        + ",\"fields\":{\"status\":0,\"taskId\":{\"groupHigh\":0,\"groupLow\":9,\"sequence\":1}}}")
                .post("/arm").then()
                .statusCode(200)
                .body("published[0].icmAgentId", equalTo(agent))
                .body("published[0].mrdId", equalTo(5000));
        post("/agents/" + agent + "/mrds/5000/tasks/0-9-1/start-application", null).statusCode(200)
                .body("published[0].message", equalTo("START_APPLICATION_TASK_REQ"));
        given().get("/agents/" + agent).then().statusCode(200)
                .body("mrds.'5000'.state", equalTo("ACTIVE"))
                .body("mrds.'5000'.tasks.size()", equalTo(1));
        post("/agents/" + agent + "/mrds/5000/tasks/0-9-1/no-such-action", null).statusCode(404);
    }

    private static void loggedIn(int agent) {
        boolean in = given().get("/agents/" + agent).then().extract().statusCode() == 200
                && Boolean.TRUE.equals(given().get("/agents/" + agent).then().extract()
                        .path("mrds.'5000'.loggedIn"));
        if (!in) {
            post("/agents/" + agent + "/mrds/5000/login", "{\"maxTaskLimit\": 2}").statusCode(200);
        }
    }

    /** Leaves a shared agent as other test classes expect it: signed out. */
    private static void loggedOut(int agent) {
        post("/agents/" + agent + "/mrds/5000/logout", null).statusCode(200);
    }

    private byte[] frame(ArmMessage message, int agent, int mrd, ArmFields fields) {
        return codec.encode(ArmWireMapping.toWire(ArmEvent.of(message, Instant.now(), 90_000 + agent, mrd, agent,
                fields, "test")), TagWidth.ONE_BYTE);
    }

    private static byte[] concat(byte[]... frames) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] frame : frames) {
            out.writeBytes(frame);
        }
        return out.toByteArray();
    }

    /** The record the answer's n-th published entry names, checked for its key. */
    private static ArmEvent recordOf(ValidatableResponse answer, int n, String key) {
        int partition = answer.extract().path("published[" + n + "].partition");
        long offset = ((Number) answer.extract().path("published[" + n + "].offset")).longValue();
        ConsumerRecord<String, String> record = agentEvents().stream()
                .filter(r -> r.partition() == partition && r.offset() == offset)
                .findFirst().orElseThrow(() -> new AssertionError("no record at " + partition + "/" + offset));
        assertThat(record.key()).isEqualTo(key);
        return read(record);
    }

    private static ArmEvent read(ConsumerRecord<String, String> record) {
        Decoded<ArmEvent> decoded = ArmEventJson.read(record.value());
        assertThat(decoded.error()).isNull();
        return decoded.value();
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
