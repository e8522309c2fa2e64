package dev.agentavailability.availctl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentavailability.replay.ReplayTopics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code availctl replay} in process against the test broker. */
class ReplayCommandTest {

    private static ReplayTopics topics;

    @BeforeAll
    static void writeScenario() {
        topics = ReplayTopics.write();
    }

    private static Cli.Result replay(String... args) {
        List<String> all = new ArrayList<>(List.of("--entry-point-topic", topics.entryPoints, "--chat-topic",
                topics.chats));
        all.addAll(List.of(args));
        return Cli.onTopics(topics, "replay", all.toArray(String[]::new));
    }

    @Test
    void anAgentAtTheIncidentInstantInRttestLayoutWithItsVerdict() {
        Cli.Result result = replay("--at", "2019-08-19T13:34:09Z", "--agent", "6420");

        assertThat(result.exitCode()).as("stderr: %s", result.err()).isZero();
        assertThat(result.out()).startsWith("Agent CUCM.Agent_test (6420, periph# 15003)\n"
                + "  domain: ECE_Chat (5000), state = [nr-0:2,R], 249 secs\n"
                + "    CL nr TEST_Chat (6928, periph# 70518)\n");
        String json = result.out().substring(result.out().indexOf('{'));
        JsonNode verdict = new Cli.Result(0, json, "").single();
        assertThat(verdict.get("at").asText()).isEqualTo("2019-08-19T13:34:09Z");
        assertThat(verdict.get("agent").asInt()).isEqualTo(6420);
        JsonNode chat = verdict.get("mrds").get(0);
        assertThat(chat.get("mrdId").asInt()).isEqualTo(5000);
        assertThat(chat.get("state").asText()).isEqualTo("NOT_READY");
        assertThat(chat.get("status").asText()).isEqualTo("NOT_AVAILABLE");
        assertThat(chat.get("availableForNewTask").asBoolean()).isFalse();
        assertThat(chat.get("failed").toString()).isEqualTo("[\"NOT_READY\"]");
    }

    @Test
    void aSkillGroupAtTheEndCountsAndSaysWhyEachAgentIsNotAvailable() {
        Cli.Result result = replay("--at", "2019-08-19T13:40:00Z", "--skill-group", "6928");

        assertThat(result.exitCode()).as("stderr: %s", result.err()).isZero();
        JsonNode answer = result.single();
        assertThat(answer.get("name").asText()).isEqualTo("TEST_Chat_renamed");
        assertThat(answer.get("counts").get("loggedIn").asInt()).isEqualTo(3);
        assertThat(answer.get("counts").get("available").asInt()).isZero();
        assertThat(answer.get("counts").get("domainUnavailable").asInt()).isEqualTo(3);
        assertThat(answer.get("agents")).hasSize(3);
        JsonNode first = answer.get("agents").get(0);
        assertThat(first.get("failed").toString()).contains("DOMAIN_UNAVAILABLE");
    }

    @Test
    void anEntryPointWithTwoChatsWaitingAnswersQueueFull() {
        Cli.Result result = replay("--at", "2019-08-19T13:35:30Z", "--entry-point", "1001");

        assertThat(result.exitCode()).as("stderr: %s", result.err()).isZero();
        assertThat(result.out()).startsWith("Entry point 1001 at 2019-08-19T13:35:30Z: responseType 2 (QUEUE_FULL");
        JsonNode explanation = new Cli.Result(0, result.out().substring(result.out().indexOf('{')), "").single();
        assertThat(explanation.get("queue").get("depth").asInt()).isEqualTo(2);
        assertThat(explanation.get("queue").get("full").asBoolean()).isTrue();
        assertThat(explanation.get("sources").get(0).get("id").asInt()).isEqualTo(6928);
    }

    @Test
    void anEntryPointAfterTheDomainWentDownAnswersNoAgentWithTheCountsPerPartition() {
        Cli.Result result = replay("--at", "2019-08-19T13:40:00Z", "--entry-point", "1001");

        assertThat(result.exitCode()).as("stderr: %s", result.err()).isZero();
        JsonNode explanation = new Cli.Result(0, result.out().substring(result.out().indexOf('{')), "").single();
        assertThat(explanation.get("answer").get("responseType").asInt()).isEqualTo(1);
        assertThat(explanation.get("decision").get("rule").asText()).isEqualTo("NO_AGENT_COULD_TAKE_IT");
        assertThat(explanation.get("queue").get("depth").asInt()).isEqualTo(1);
        assertThat(explanation.get("inScope").get("domainUnavailable").asInt()).isEqualTo(3);
        assertThat(explanation.get("sources").get(0).get("partitions")).hasSize(3);
    }

    @Test
    void anEntryPointIsUnknownBeforeItWasSavedAndAfterItWasDeleted() {
        replay("--at", "2019-08-19T12:00:00Z", "--entry-point", "1001")
                .failsWithOneLine(ExitCodes.FAILURE, "entry point 1001", "did not exist");
        assertThat(replay("--at", "2019-08-19T13:34:09Z", "--entry-point", "1002").exitCode()).isZero();
        replay("--at", "2019-08-19T13:40:00Z", "--entry-point", "1002")
                .failsWithOneLine(ExitCodes.FAILURE, "entry point 1002", "did not exist");
    }

    @Test
    void anEntryPointTimelineListsEachChangeOfItsAnswerAndWritesThePage(@TempDir Path dir) throws Exception {
        Path page = dir.resolve("incident.html");
        Cli.Result result = replay("--from", "2019-08-19T13:34:00Z", "--to", "2019-08-19T13:40:00Z",
                "--entry-point", "1001", "--html", page.toString());

        assertThat(result.exitCode()).as("stderr: %s", result.err()).isZero();
        assertThat(result.out()).contains("2019-08-19T13:35:01Z  responseType 2  queue depth 2",
                "2019-08-19T13:38:30Z  responseType 1  queue depth 1");
        assertThat(Files.readString(page)).contains("<svg", "EP 1001");
    }

    @Test
    void anUnknownAgentIsOneLineAndExitOne() {
        replay("--at", "2019-08-19T13:34:09Z", "--agent", "9999")
                .failsWithOneLine(ExitCodes.FAILURE, "agent 9999", "2019-08-19T13:34:09Z");
    }

    @Test
    void anAgentBeforeItsFirstEventIsUnknown() {
        replay("--at", "2019-08-19T13:00:00Z", "--agent", "6420").failsWithOneLine(ExitCodes.FAILURE, "agent 6420");
    }

    @Test
    void aBadInstantIsBadInput() {
        Cli.Result result = replay("--at", "yesterday", "--agent", "6420");
        result.failsWithOneLine(ExitCodes.BAD_INPUT, "--at", "yesterday");
        assertThat(result.out()).isEmpty();
    }
}
