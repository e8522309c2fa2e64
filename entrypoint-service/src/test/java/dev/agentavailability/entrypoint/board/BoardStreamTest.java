package dev.agentavailability.entrypoint.board;

import static dev.agentavailability.entrypoint.Fixtures.key;
import static dev.agentavailability.entrypoint.Fixtures.putEntryPoint;
import static dev.agentavailability.entrypoint.Fixtures.skillGroupRecord;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentavailability.contract.ContractJson;
import dev.agentavailability.contract.access.Roles;
import dev.agentavailability.contract.arm.IcmAgentState;
import dev.agentavailability.contract.availability.AgentAvailability;
import dev.agentavailability.contract.topic.Topics;
import dev.agentavailability.entrypoint.PreexistingMrdTopicResource;
import dev.agentavailability.testsupport.DeadLetterRecords;
import dev.agentavailability.testsupport.KafkaAndPostgresResource;
import dev.agentavailability.testsupport.TestKafka;
import dev.agentavailability.testsupport.TestTopics;
import dev.agentavailability.testsupport.TestUsers;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The live streams against a real broker: the board's (snapshot first, then each change, poison dead-lettered) and
 * the public answer stream of an entry point. Agent and skill-group ids are this class's own.
 */
@QuarkusTest
@TestSecurity(user = "admin", roles = Roles.ADMIN)
@QuarkusTestResource(value = KafkaAndPostgresResource.class,
        initArgs = @ResourceArg(name = KafkaAndPostgresResource.DATABASE_ARG, value = "entrypoint"),
        restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PreexistingMrdTopicResource.class, restrictToAnnotatedClass = false)
class BoardStreamTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int AGENT = 916_420;
    private static TestKafka kafka;

    @BeforeAll
    static void connect() {
        TestTopics.create(Topics.SKILL_GROUP_AVAILABILITY, 3,
                PreexistingMrdTopicResource.compacted(Topics.SKILL_GROUP_AVAILABILITY).configs());
        kafka = TestKafka.connect();
    }

    @AfterAll
    static void close() {
        kafka.close();
    }

    @Test
    void theBoardGetsASnapshotThenEachChangeAndAReconnectedBoardLosesNothing() throws Exception {
        kafka.send(Topics.AGENT_STATES, Integer.toString(AGENT), agent(AGENT, 0, List.of()));
        await().atMost(WAIT).until(() -> given().get("/board/state").asString().contains("\"icmAgentId\":" + AGENT));
        try (EventStream board = EventStream.open("/board/stream", TestUsers.SUPERVISOR)) {
            assertThat(board.status(WAIT)).isEqualTo(200);
            JsonNode first = board.next(WAIT);
            assertThat(first.path("type").asText()).as("the first message").isEqualTo("snapshot");
            assertThat(carries(AGENT, "[]").test(first)).as("the snapshot holds what the view holds: %s", first)
                    .isTrue();

            // poison between two valid records of the same key (same partition): the valid one still comes
            String poison = "{\"schemaVersion\":1,\"icmAgentId\":" + AGENT + ",\"mrds\":[{\"mrdId\":5000}]}";
            kafka.send(Topics.AGENT_STATES, Integer.toString(AGENT), poison);
            kafka.send(Topics.AGENT_STATES, Integer.toString(AGENT), agent(AGENT, 2, List.of("AT_TASK_LIMIT")));
            JsonNode change = board.until(carries(AGENT, "[\"AT_TASK_LIMIT\"]"), WAIT);
            assertThat(change.path("type").asText()).isEqualTo("changes");
            assertThat(DeadLetterRecords.header(DeadLetterRecords.await(kafka.bootstrapServers(), Topics.AGENT_STATES,
                    poison), Topics.DLQ_REASON_HEADER)).contains("lacks its state");
        }
        try (EventStream again = EventStream.open("/board/stream", TestUsers.ADMIN)) {
            JsonNode snapshot = again.next(WAIT);
            assertThat(snapshot.path("type").asText()).isEqualTo("snapshot");
            assertThat(carries(AGENT, "[\"AT_TASK_LIMIT\"]").test(snapshot)).as("the reconnected snapshot: %s",
                    snapshot).isTrue();
        }
    }

    @Test
    void aDeletedAgentLeavesTheBoard() throws Exception {
        int agent = AGENT + 1;
        kafka.send(Topics.AGENT_STATES, Integer.toString(agent), agent(agent, 0, List.of()));
        try (EventStream board = EventStream.open("/board/stream", TestUsers.SUPERVISOR)) {
            board.until(carries(agent, "[]"), WAIT);
            kafka.send(Topics.AGENT_STATES, Integer.toString(agent), null);
            board.until(m -> {
                for (JsonNode gone : m.path("agentsGone")) {
                    if (gone.asInt() == agent) {
                        return true;
                    }
                }
                return false;
            }, WAIT);
        }
    }

    @Test
    void theAnswerStreamFollowsTheInitializeAnswerAndCarriesNoCounts() throws Exception {
        putEntryPoint(2960, 5000, List.of(6961), true);
        try (EventStream answers = EventStream.open("/system/egain/chat/entrypoint/2960/answers", null)) {
            assertThat(answers.status(WAIT)).isEqualTo(200);
            assertThat(answers.next(WAIT).path("checkEligibility").path("responseType").asInt()).isEqualTo(1);

            kafka.send(Topics.SKILL_GROUP_AVAILABILITY, key(6961, 0), skillGroupRecord(6961, 0, 1));
            JsonNode now = answers.until(m -> m.path("checkEligibility").path("responseType").asInt() == 0, WAIT);
            List<String> names = new ArrayList<>();
            now.fieldNames().forEachRemaining(names::add);
            assertThat(names).contains("entryPointId").noneMatch(n -> n.matches("(?i).*(count|agent|available).*"));

            kafka.send(Topics.SKILL_GROUP_AVAILABILITY, key(6961, 0), skillGroupRecord(6961, 0, 0));
            answers.until(m -> m.path("checkEligibility").path("responseType").asInt() == 1, WAIT);
        }
    }

    /** Each client address holds at most five public streams here (%test); one more is 503, a closed one frees its place. */
    @Test
    void aClientHoldsOnlySoManyPublicStreamsAndAClosedOneGivesItsPlaceBack() throws Exception {
        putEntryPoint(2962, 5000, List.of(6962), true);
        String path = "/system/egain/chat/entrypoint/2962/answers";
        List<EventStream> open = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                // the other tests' streams may still be giving their places back
                await().atMost(WAIT).until(() -> {
                    EventStream stream = EventStream.open(path, null);
                    if (stream.status(WAIT) == 200) {
                        open.add(stream);
                        return true;
                    }
                    stream.close();
                    return false;
                });
            }
            given().accept("text/event-stream").get(path).then().statusCode(503).header("Retry-After", "30")
                    .contentType("application/problem+json").body("detail", containsString("close one first"));

            open.remove(0).close();
            await().atMost(WAIT).until(() -> {
                EventStream stream = EventStream.open(path, null);
                boolean admitted = stream.status(WAIT) == 200;
                stream.close();
                return admitted;
            });
        } finally {
            open.forEach(EventStream::close);
        }
    }

    @Test
    void anAgentIdThatIsNoNumberIsAProblem() {
        given().get("/board/agents/abc").then().statusCode(400).contentType("application/problem+json");
        given().get("/board/agents/0").then().statusCode(400).contentType("application/problem+json");
        given().get("/board/messages?limit=abc").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void theAnswerStreamOfAnUnknownEntryPointIsAProblem() {
        given().accept("text/event-stream").get("/system/egain/chat/entrypoint/2969/answers").then().statusCode(404)
                .contentType("application/problem+json");
        given().accept("text/event-stream").get("/system/egain/chat/entrypoint/x/answers").then().statusCode(400)
                .contentType("application/problem+json");
    }

    private static Predicate<JsonNode> carries(int agentId, String unavailableBecause) {
        return message -> {
            for (JsonNode agent : message.path("agents")) {
                if (agent.path("icmAgentId").asInt() == agentId
                        && agent.path("mrds").path(0).path("unavailableBecause").toString().equals(unavailableBecause)) {
                    return true;
                }
            }
            return false;
        };
    }

    static String agent(int agentId, int tasks, List<String> unavailableBecause) {
        boolean available = unavailableBecause.isEmpty();
        return ContractJson.write(new AgentAvailability(AgentAvailability.SCHEMA_VERSION, agentId, "Agent " + agentId,
                0, List.of(new AgentAvailability.Mrd(5000, IcmAgentState.AVAILABLE, Instant.now(), true, true, true, 0,
                        false, tasks, 2, List.of(6961), available ? "ICM_AVAILABLE" : "NOT_AVAILABLE", available,
                        unavailableBecause)), 7, Instant.now()));
    }
}
