package dev.agentavailability.availctl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentavailability.replay.ReplayTopics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code availctl report} and {@code availctl replay --from --to} in process against the test broker. */
class ReportCommandTest {

    private static ReplayTopics topics;

    @BeforeAll
    static void writeScenario() {
        topics = ReplayTopics.write();
    }

    private static Cli.Result run(String command, String... args) {
        return Cli.onTopics(topics, command, args);
    }

    @Test
    void timeInStateOfAnAgent() {
        Cli.Result result = run("report", "--from", "2019-08-19T13:30:00Z", "--to", "2019-08-19T13:40:00Z",
                "--agent", "6420", "--json");
        assertThat(result.exitCode()).as("stderr: %s", result.err()).isZero();
        JsonNode answer = result.single();
        JsonNode chat = answer.get("agents").get(0);
        assertThat(chat.get("agent").asInt()).isEqualTo(6420);
        assertThat(chat.get("mrdId").asInt()).isEqualTo(5000);
        assertThat(chat.get("seconds").get("NOT_READY(0)").asInt()).isEqualTo(250);
        assertThat(chat.get("seconds").get("NOT_ACTIVE").asInt()).isEqualTo(350);
    }

    @Test
    void aTableByDefault() {
        Cli.Result result = run("report", "--from", "2019-08-19T13:30:00Z", "--to", "2019-08-19T13:40:00Z",
                "--skill-group", "6928");
        assertThat(result.exitCode()).as("stderr: %s", result.err()).isZero();
        assertThat(result.out()).contains("AGENT").contains("6420").contains("GROUP").contains("6928");
    }

    @Test
    void agentTimelineListsEveryEventInTimeOrder() {
        Cli.Result result = run("replay", "--from", "2019-08-19T13:30:00Z", "--to", "2019-08-19T13:40:00Z",
                "--agent", "6420");
        assertThat(result.exitCode()).as("stderr: %s", result.err()).isZero();
        String out = result.out();
        assertThat(out).contains("MEDIA_LOGIN_REQ").contains("MAKE_AGENT_READY_IND").contains("NOT_ACTIVE")
                .contains("UNAVAILABLE");
        assertThat(out.indexOf("MEDIA_LOGIN_REQ")).isLessThan(out.indexOf("MAKE_AGENT_READY_IND"));
    }

    @Test
    void skillGroupTimelineShowsCountChanges() {
        Cli.Result result = run("replay", "--from", "2019-08-19T13:30:00Z", "--to", "2019-08-19T13:40:00Z",
                "--skill-group", "6928");
        assertThat(result.exitCode()).as("stderr: %s", result.err()).isZero();
        assertThat(result.out()).contains("->").contains("agent 6421");
    }

    @Test
    void atAndFromAreExclusive() {
        run("replay", "--at", "2019-08-19T13:34:09Z", "--from", "2019-08-19T13:30:00Z", "--to",
                "2019-08-19T13:40:00Z", "--agent", "6420").failsWithOneLine(ExitCodes.BAD_INPUT, "mutually exclusive");
    }
}
