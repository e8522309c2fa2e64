package dev.agentavailability.router;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.agentavailability.contract.ContractJson;
import dev.agentavailability.contract.Decoded;
import dev.agentavailability.contract.access.Roles;
import dev.agentavailability.contract.arm.ArmEvent;
import dev.agentavailability.contract.arm.ArmEventJson;
import dev.agentavailability.contract.arm.ArmFields;
import dev.agentavailability.contract.arm.ArmMessage;
import dev.agentavailability.contract.arm.IcmAgentState;
import dev.agentavailability.contract.arm.TaskId;
import dev.agentavailability.contract.availability.AgentAvailability;
import dev.agentavailability.contract.availability.AvailabilityJson;
import dev.agentavailability.contract.availability.SkillGroupAvailability;
import dev.agentavailability.contract.topic.Topics;
import dev.agentavailability.testsupport.DeadLetterRecords;
import dev.agentavailability.testsupport.KafkaAndPostgresResource;
import dev.agentavailability.testsupport.TestKafka;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
// Runs as admin: what this class tests is not who may call (AccessTest is).
@TestSecurity(user = "admin", roles = Roles.ADMIN)
@QuarkusTestResource(value = KafkaAndPostgresResource.class,
        initArgs = @ResourceArg(name = KafkaAndPostgresResource.DATABASE_ARG, value = "router"))
class RouterServiceTest {

    private static final String LAB = """
            mrds:
              - { id: 5000, name: ECE_Chat, interruptible: false }
            skillGroups:
              - { id: 6928, name: TEST_Chat, mrdId: 5000, peripheralNumber: 70518, defaultGroup: false }
              - { id: 6909, name: CUCM.ECE_Chat.default.11006, mrdId: 5000, peripheralNumber: 54839, defaultGroup: true }
              - { id: 7000, name: OTHER_Chat, mrdId: 5000, peripheralNumber: 70600, defaultGroup: false }
            applicationPaths:
              - { id: 5001, name: ECE, mrdIds: [5000] }
            agents:
              - { id: 6420, name: CUCM.Agent_test, peripheralNumber: 15003, skillGroupIds: [6928] }
              - { id: 5033, name: ECE.Agent_1005, peripheralNumber: 15004, skillGroupIds: [6928] }
            """;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private Instant clock = Instant.parse("2019-08-19T13:34:09Z");

    @BeforeEach
    void importLabConfig() {
        given().contentType("application/yaml").body(LAB.getBytes(StandardCharsets.UTF_8)).post("/config/import")
                .then().statusCode(200).body("published", equalTo(7));
    }

    @Test
    void agentEventsBecomeAgentStatusAndPublishedSkillGroupAvailability() {
        send(6420, ArmMessage.MEDIA_LOGIN_REQ, ArmFields.mediaLogin(0, false, 1, "6420"));
        send(6420, ArmMessage.MAKE_AGENT_ROUTABLE_IND, ArmFields.maxTasks(2));
        send(6420, ArmMessage.MAKE_AGENT_READY_IND, ArmFields.makeRoutable(true));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/agents/6420/status").then()
                .statusCode(200)
                .body("name", equalTo("CUCM.Agent_test"))
                .body("mrds[0].state", equalTo("NOT_ACTIVE"))
                .body("mrds[0].taskLimit", equalTo(2))
                .body("mrds[0].availableForNewTask", equalTo(true))
                .body("mrds[0].skillGroups.skillGroupId", equalTo(List.of(6928, 6909)))
                .body("mrds[0].skillGroups.state", equalTo(List.of("NOT_ACTIVE", "NOT_ACTIVE")))
                .body("mrds[0].skillGroups.configured", equalTo(List.of(true, false))));
        given().accept(ContentType.TEXT).get("/agents/6420/status").then().statusCode(200)
                .body(containsString("Agent CUCM.Agent_test (6420, periph# 15003)"))
                .body(containsString("domain: ECE_Chat (5000), state = [na-0:2,RA], "))
                .body(containsString("    CL na TEST_Chat (6928, periph# 70518)"))
                .body(containsString("    L na CUCM.ECE_Chat.default.11006 (6909, periph# 54839)"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            int available = latest(6928).stream().mapToInt(a -> a.counts().available()).sum();
            assertThat(available).isEqualTo(1);
            assertThat(latest(7000).stream().mapToInt(a -> a.counts().available()).sum()).isZero();
        });

        send(6420, ArmMessage.MAKE_AGENT_NOT_READY_REQ, ArmFields.reasonCode(3));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(latest(6928).stream().mapToInt(a -> a.counts().available()).sum()).isZero());
        given().get("/skill-groups/6928/availability").then().statusCode(200)
                .body("counts.loggedIn", equalTo(1)).body("counts.available", equalTo(0));
    }

    @Test
    void aMalformedRecordGoesToTheDeadLetterTopicWithItsReasonAndTheProjectionGoesOn() {
        // unique: other test classes on this broker send poison of their own
        String poison = "{\"schemaVersion\":1,\"message\":\"NO_SUCH_MESSAGE\",\"test\":\"" + java.util.UUID.randomUUID()
                + "\"}";
        try (TestKafka kafka = TestKafka.connect(bootstrap)) {
            kafka.send(Topics.AGENT_EVENTS, "5033", poison);
        }
        send(5033, ArmMessage.MEDIA_LOGIN_REQ, ArmFields.mediaLogin(0, false, 1, "1005"));

        ConsumerRecord<String, String> dead = DeadLetterRecords.await(bootstrap, Topics.AGENT_EVENTS, poison);
        assertThat(DeadLetterRecords.header(dead, Topics.DLQ_REASON_HEADER)).startsWith("field 'message'");
        assertThat(DeadLetterRecords.header(dead, Topics.DLQ_READER_HEADER)).isEqualTo("router-service");
        assertThat(dead.key()).isEqualTo("5033");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/agents/5033/status").then().statusCode(200).body("mrds[0].state", equalTo("NOT_READY")));
    }

    /**
     * Records that reach the config topic some other way than through this service's checks: each is dead-lettered
     * with its reason, the config consumer goes on (a later change applies) and readiness stays UP.
     */
    @Test
    void poisonOnTheConfigTopicIsDeadLetteredAndConfigGoesOn() {
        String notJson = "mrds: [5000]";
        String nul = "{\"schemaVersion\":1,\"eventId\":\"4b0d9f38-6c40-4d0e-9a4b-7d3b4a0c0001\","
                + "\"occurredAt\":\"2026-12-03T10:00:00Z\",\"op\":\"UPSERT\",\"kind\":\"MRD\",\"id\":7780,"
                + "\"item\":{\"kind\":\"MRD\",\"id\":7780,\"name\":\"Chat\\u0000Team\",\"interruptible\":false}}";
        String jsonNull = "null";
        String newerSchema = nul.replace("\"schemaVersion\":1", "\"schemaVersion\":9");
        try (TestKafka kafka = TestKafka.connect(bootstrap)) {
            for (String poison : List.of(notJson, nul, jsonNull, newerSchema)) {
                kafka.send(Topics.CONFIG, "MRD:7780", poison);
            }
        }
        given().contentType(ContentType.JSON).body("{\"name\":\"After_Poison\",\"interruptible\":false}")
                .put("/config/mrds/7781").then().statusCode(200);

        assertThat(DeadLetterRecords.header(DeadLetterRecords.await(bootstrap, Topics.CONFIG, notJson),
                Topics.DLQ_REASON_HEADER)).startsWith("not valid JSON");
        assertThat(DeadLetterRecords.header(DeadLetterRecords.await(bootstrap, Topics.CONFIG, nul),
                Topics.DLQ_REASON_HEADER)).contains("MRD:7780", "control characters");
        assertThat(DeadLetterRecords.header(DeadLetterRecords.await(bootstrap, Topics.CONFIG, jsonNull),
                Topics.DLQ_REASON_HEADER)).isNotBlank();
        assertThat(DeadLetterRecords.header(DeadLetterRecords.await(bootstrap, Topics.CONFIG, newerSchema),
                Topics.DLQ_REASON_HEADER)).contains("unsupported schemaVersion 9");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/config/mrds/7781").then().statusCode(200).body("name", equalTo("After_Poison")));
        given().get("/config/mrds/7780").then().statusCode(404);
        given().get("/q/health/ready").then().statusCode(200);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get("/q/metrics").then().statusCode(200)
                .body(containsString("availability_dead_letters_total{topic=\"" + Topics.CONFIG + "\"}")));
    }

    @Test
    void anEventTheStateDoesNotAllowIsRecordedAsAnAnomalyAndNotApplied() {
        send(4242, ArmMessage.END_TASK_IND, ArmFields.task(new TaskId(0, 99, 0)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/projection/anomalies").then()
                .statusCode(200)
                .body("find { it.icmAgentId == 4242 }.status", equalTo("E_ARM_STAT_AGENT_NOT_LOGGED_IN"))
                .body("find { it.icmAgentId == 4242 }.message", equalTo("END_TASK_IND")));
        given().get("/agents/4242/status").then().statusCode(404);
    }

    @Test
    void aRecordDeliveredTwiceIsAppliedOnceAndTheRepeatIsAnAnomaly() {
        send(4343, ArmMessage.MEDIA_LOGIN_REQ, ArmFields.mediaLogin(0, false, 2, "1005"));
        clock = clock.plusSeconds(1);
        ArmEvent offer = ArmEvent.of(ArmMessage.OFFER_TASK_IND, clock, 2, 5000, 4343,
                ArmFields.task(new TaskId(0, 71, 0)), "test");
        try (TestKafka kafka = TestKafka.connect(bootstrap)) {
            kafka.send(Topics.AGENT_EVENTS, offer.key(), ArmEventJson.write(offer));
            kafka.send(Topics.AGENT_EVENTS, offer.key(), ArmEventJson.write(offer));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/projection/anomalies").then()
                .statusCode(200)
                .body("find { it.eventId == '" + offer.eventId() + "' }.status", equalTo("DUPLICATE_EVENT")));
        given().get("/agents/4343/status").then().statusCode(200).body("mrds[0].activeTasks", equalTo(1));
    }

    @Test
    void configThatNamesMissingItemsIsRefusedWithEveryViolation() {
        given().contentType(ContentType.JSON)
                .body("{\"name\":\"\",\"peripheralNumber\":1,\"skillGroupIds\":[1,2]}")
                .put("/config/agents/77")
                .then().log().ifValidationFails().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", equalTo(List.of("name", "skillGroupIds", "skillGroupIds")))
                .body("detail", containsString("skill group 1 is not configured"));
        given().contentType("application/yaml").body("mrds: [ {id: oops} ]".getBytes(StandardCharsets.UTF_8)).post("/config/import")
                .then().statusCode(400).body("detail", containsString("mrds"));
        for (String nothing : List.of("null", "~")) {
            given().contentType("application/yaml").body(nothing.getBytes(StandardCharsets.UTF_8)).post("/config/import")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("detail", containsString("the body is null"));
        }
        given().contentType(ContentType.JSON).body("null").put("/config/mrds/7790").then().statusCode(400)
                .contentType("application/problem+json");
        given().delete("/config/mrds/5000").then().statusCode(409).body("detail", containsString("SKILL_GROUP:6928"));
        given().get("/config/robots/1").then().statusCode(404);
    }

    /** A NUL cannot be stored: let through, it would stop the router's config consumer for good. */
    @Test
    void aNameWithAControlCharacterOrTooLongIsRefusedAndNothingIsPublished() {
        int before = TestKafka.readAll(bootstrap, Topics.CONFIG).size();
        given().contentType(ContentType.JSON).body("{\"name\":\"Chat\\u0000Team\",\"mrdId\":5000,\"peripheralNumber\":1}")
                .put("/config/skill-groups/7777")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", equalTo(List.of("name")))
                .body("detail", containsString("control characters"));
        given().contentType("application/yaml")
                .body(("mrds:\n  - {id: 7778, name: \"" + "x".repeat(256) + "\"}\n").getBytes(StandardCharsets.UTF_8))
                .post("/config/import")
                .then().statusCode(400).body("detail", containsString("at most 255"));
        assertThat(TestKafka.readAll(bootstrap, Topics.CONFIG)).as("config records").hasSize(before);
    }

    /** The board's feed: the agent's latest record says its state and the verdict with every failed clause. */
    @Test
    void everyChangeOfAnAgentsVerdictIsPublishedOnTheAgentStateTopic() throws Exception {
        send(5071, ArmMessage.MEDIA_LOGIN_REQ, ArmFields.mediaLogin(0, false, 1, "5071"));
        send(5071, ArmMessage.MAKE_AGENT_ROUTABLE_IND, ArmFields.maxTasks(1));
        send(5071, ArmMessage.MAKE_AGENT_READY_IND, ArmFields.makeRoutable(true));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(latestAgentState(5071).mrds())
                .singleElement().satisfies(mrd -> {
                    assertThat(mrd.mrdId()).isEqualTo(5000);
                    assertThat(mrd.availableForNewTask()).isTrue();
                    assertThat(mrd.unavailableBecause()).isEmpty();
                    assertThat(mrd.taskLimit()).isEqualTo(1);
                }));

        send(5071, ArmMessage.MAKE_AGENT_NOT_READY_REQ, ArmFields.reasonCode(5));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(latestAgentState(5071).mrds())
                .singleElement().satisfies(mrd -> {
                    assertThat(mrd.state()).isEqualTo(IcmAgentState.NOT_READY);
                    assertThat(mrd.notReadyReason()).isEqualTo(5);
                    assertThat(mrd.availableForNewTask()).isFalse();
                    assertThat(mrd.unavailableBecause()).containsExactly("NOT_READY");
                }));
        AgentAvailability latest = latestAgentState(5071);
        given().get("/agents/5071/status").then().statusCode(200)
                .body("partition", equalTo(latest.partition()))
                .body("mrds[0].unavailableBecause", equalTo(latest.mrds().get(0).unavailableBecause()));
    }

    private AgentAvailability latestAgentState(int agent) throws Exception {
        AgentAvailability latest = null;
        for (ConsumerRecord<String, String> r : TestKafka.readAll(bootstrap, Topics.AGENT_STATES)) {
            if (r.key().equals(Integer.toString(agent))) {
                latest = ContractJson.mapper().readValue(r.value(), AgentAvailability.class);
            }
        }
        assertThat(latest).as("a record of agent %d", agent).isNotNull();
        return latest;
    }

    private void send(int agent, ArmMessage message, ArmFields fields) {
        clock = clock.plusSeconds(1);
        ArmEvent event = ArmEvent.of(message, clock, 1, 5000, agent, fields, "test");
        try (TestKafka kafka = TestKafka.connect(bootstrap)) {
            kafka.send(Topics.AGENT_EVENTS, event.key(), ArmEventJson.write(event));
        }
    }

    /** The latest record of each partition for the skill group on the compacted topic. */
    private List<SkillGroupAvailability> latest(int skillGroup) {
        java.util.Map<String, SkillGroupAvailability> byKey = new java.util.TreeMap<>();
        for (ConsumerRecord<String, String> r : TestKafka.readAll(bootstrap, Topics.SKILL_GROUP_AVAILABILITY)) {
            Decoded<SkillGroupAvailability> a = AvailabilityJson.readSkillGroup(r.value());
            if (a.isValid() && a.value().skillGroupId() == skillGroup) {
                byKey.put(r.key(), a.value());
            }
        }
        return List.copyOf(byKey.values());
    }
}
