package dev.agentavailability.router.replay;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.agentavailability.contract.access.Roles;
import dev.agentavailability.contract.arm.ArmEvent;
import dev.agentavailability.contract.arm.ArmEventJson;
import dev.agentavailability.contract.arm.ArmFields;
import dev.agentavailability.contract.arm.ArmMessage;
import dev.agentavailability.contract.chat.ChatEvent;
import dev.agentavailability.contract.chat.ChatEventJson;
import dev.agentavailability.contract.entrypoint.AvailabilityScope;
import dev.agentavailability.contract.entrypoint.EntryPointEvent;
import dev.agentavailability.contract.entrypoint.EntryPointEventJson;
import dev.agentavailability.contract.entrypoint.EntryPointSettings;
import dev.agentavailability.contract.topic.Topics;
import dev.agentavailability.testsupport.KafkaAndPostgresResource;
import dev.agentavailability.testsupport.TestKafka;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The replay API against the router's own topics: agent 8801 logs in and goes ready in skill group 8928, entry point
 * 8801 queues for that group (one chat at most) and a chat starts; each answer is asked for at instants around
 * those events, with its own consumer, while the live router reads the same topics.
 */
@QuarkusTest
// Runs as admin: what this class tests is not who may call (AccessTest is).
@TestSecurity(user = "admin", roles = Roles.ADMIN)
@QuarkusTestResource(value = KafkaAndPostgresResource.class,
        initArgs = @ResourceArg(name = KafkaAndPostgresResource.DATABASE_ARG, value = "router"))
class ReplayResourceTest {

    private static final String LAB = """
            mrds:
              - { id: 8000, name: Replay_Chat, interruptible: false }
            skillGroups:
              - { id: 8928, name: REPLAY_Chat, mrdId: 8000, peripheralNumber: 88518, defaultGroup: false }
            agents:
              - { id: 8801, name: Replay.Agent, peripheralNumber: 18801, skillGroupIds: [8928] }
            """;

    /** Set once: the scenario is written for the first test and read by all. */
    private static Instant base;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @BeforeEach
    synchronized void writeScenarioOnce() {
        if (base != null) {
            return;
        }
        given().contentType("application/yaml").body(LAB.getBytes(StandardCharsets.UTF_8)).post("/config/import")
                .then().statusCode(200);
        // after the config import (its events carry the time of the import)
        base = Instant.now().plusSeconds(5).truncatedTo(ChronoUnit.SECONDS);
        try (TestKafka kafka = TestKafka.connect(bootstrap)) {
            EntryPointEvent saved = EntryPointEvent.saved(8801, new EntryPointSettings("Replay chat", 8000,
                    List.of(8928), true, 1, AvailabilityScope.SKILL_GROUP, 300, null, null, List.of(), null), base);
            kafka.send(Topics.ENTRY_POINTS, saved.key(), EntryPointEventJson.write(saved));
            arm(kafka, ArmMessage.MEDIA_LOGIN_REQ, ArmFields.mediaLogin(0, false, 1, "8801"), base.plusSeconds(10));
            arm(kafka, ArmMessage.MAKE_AGENT_ROUTABLE_IND, ArmFields.maxTasks(1), base.plusSeconds(11));
            arm(kafka, ArmMessage.MAKE_AGENT_READY_IND, ArmFields.makeRoutable(true), base.plusSeconds(20));
            ChatEvent started = ChatEvent.started(8801, UUID.randomUUID(), 8000, List.of(8928), base.plusSeconds(30));
            kafka.send(Topics.CHAT_EVENTS, started.key(), ChatEventJson.write(started));
        }
    }

    private static void arm(TestKafka kafka, ArmMessage message, ArmFields fields, Instant at) {
        ArmEvent event = ArmEvent.of(message, at, 1, 8000, 8801, fields, "test");
        kafka.send(Topics.AGENT_EVENTS, event.key(), ArmEventJson.write(event));
    }

    @Test
    void anAgentBeforeAndAfterItWentReady() {
        given().queryParam("at", base.plusSeconds(15).toString()).get("/replay/agents/8801").then().statusCode(200)
                .body("agent", equalTo(8801)).body("mrds[0].state", equalTo("NOT_READY"))
                .body("mrds[0].availableForNewTask", equalTo(false));
        given().queryParam("at", base.plusSeconds(25).toString()).get("/replay/agents/8801").then().statusCode(200)
                .body("mrds[0].state", equalTo("NOT_ACTIVE")).body("mrds[0].availableForNewTask", equalTo(true));
        given().accept(ContentType.TEXT).queryParam("at", base.plusSeconds(25).toString())
                .get("/replay/agents/8801").then().statusCode(200)
                .body(containsString("Agent Replay.Agent (8801, periph# 18801)"));
    }

    @Test
    void anEntryPointAnswersOneBeforeTheAgentIsReadyZeroAfterAndTwoWithItsQueueFull() {
        given().queryParam("at", base.plusSeconds(15).toString()).get("/replay/entry-points/8801").then()
                .statusCode(200).body("answer.responseType", equalTo(1))
                .body("decision.rule", equalTo("NO_AGENT_COULD_TAKE_IT"));
        given().queryParam("at", base.plusSeconds(25).toString()).get("/replay/entry-points/8801").then()
                .statusCode(200).body("answer.responseType", equalTo(0))
                .body("decision.rule", equalTo("AGENT_AVAILABLE")).body("inScope.available", equalTo(1));
        given().queryParam("at", base.plusSeconds(35).toString()).get("/replay/entry-points/8801").then()
                .statusCode(200).body("answer.responseType", equalTo(2)).body("queue.depth", equalTo(1));
    }

    @Test
    void theTimelinePageChartsTheWindowAndTheSeriesHoldsEachChange() {
        String from = base.toString();
        String to = base.plusSeconds(40).toString();
        List<Integer> answers = given().queryParam("from", from).queryParam("to", to).get("/replay/series").then()
                .statusCode(200).extract().path("points.responseType.8801");
        assertThat(answers).containsSubsequence(1, 0, 2);
        String page = given().queryParam("from", from).queryParam("to", to).get("/replay/timeline.html").then()
                .statusCode(200).contentType(containsString("text/html")).extract().asString();
        assertThat(page).contains("<svg", "Available agents per skill group", "SG 8928 REPLAY_Chat", "EP 8801");
    }

    @Test
    void timeInStateAndTimelineForTheAgent() {
        String from = base.toString();
        String to = base.plusSeconds(40).toString();
        given().queryParam("from", from).queryParam("to", to).queryParam("agent", 8801).get("/replay/time-in-state")
                .then().statusCode(200).body("agents[0].agent", equalTo(8801));
        List<String> lines = given().queryParam("from", from).queryParam("to", to).queryParam("agent", 8801)
                .get("/replay/timeline").then().statusCode(200).extract().path("lines");
        assertThat(String.join("\n", lines)).contains("MEDIA_LOGIN_REQ", "MAKE_AGENT_READY_IND");
    }

    @Test
    void badInstantsAndUnknownSubjectsAreProblems() {
        given().queryParam("at", "yesterday").get("/replay/agents/8801").then().statusCode(400)
                .contentType(containsString("application/problem+json")).body("detail", containsString("yesterday"));
        given().get("/replay/agents/8801").then().statusCode(400).body("detail", containsString("'at' is required"));
        given().queryParam("from", base.plusSeconds(9).toString()).queryParam("to", base.toString())
                .get("/replay/timeline.html").then().statusCode(400).body("detail", containsString("before"));
        given().queryParam("at", base.plusSeconds(25).toString()).get("/replay/agents/9999").then().statusCode(404);
        given().queryParam("at", base.minusSeconds(60).toString()).get("/replay/entry-points/8801").then()
                .statusCode(404).body("detail", containsString("did not exist"));
    }
}
