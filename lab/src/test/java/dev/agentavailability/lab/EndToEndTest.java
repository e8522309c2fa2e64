package dev.agentavailability.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentavailability.contract.ContractJson;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The acceptance path through a real broker and database: agent actions on the listener change what
 * entry point 1001 answers, by way of the router's projection and the availability topics.
 */
class EndToEndTest {

    private static Lab lab;

    @BeforeAll
    static void startLab() throws Exception {
        lab = LabFixture.start(3);
    }

    @AfterAll
    static void stopLab() {
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    void entryPointAnswerFollowsTheAgentThroughLoginReadyNotReadyAndLogout() throws Exception {
        assertThat(responseType()).as("no agent logged in").isEqualTo(1);

        agent("login", "{\"maxTaskLimit\":2,\"agentInfo\":\"6420\"}");
        agent("routable", "{\"maxTasks\":2}");
        assertThat(responseType()).as("logged in, routable, not ready yet").isEqualTo(1);
        agent("ready", "{\"makeRoutable\":true}");
        awaitResponseType(0);

        JsonNode status = ContractJson.mapper().readTree(
                Lab.send("GET", lab.router().url() + "/agents/6420/status", null, null));
        assertThat(status.at("/mrds/0/state").asText()).isEqualTo("NOT_ACTIVE");
        assertThat(status.at("/mrds/0/availableForNewTask").asBoolean()).isTrue();

        agent("not-ready", "{\"reasonCode\":5}");
        awaitResponseType(1);

        agent("ready", "{\"makeRoutable\":true}");
        awaitResponseType(0);
        agent("logout", null);
        awaitResponseType(1);
    }

    private static void agent(String action, String body) throws Exception {
        Lab.send("POST", lab.listener().url() + "/agents/6420/mrds/5000/" + action, "application/json", body);
    }

    private static void awaitResponseType(int expected) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(responseType()).isEqualTo(expected));
    }

    private static int responseType() throws Exception {
        JsonNode answer = ContractJson.mapper().readTree(Lab.send("GET",
                lab.entrypoint().url() + "/system/egain/chat/entrypoint/initialize/1001", null, null));
        return answer.at("/checkEligibility/responseType").asInt(-1);
    }
}
