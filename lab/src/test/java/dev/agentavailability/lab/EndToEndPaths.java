package dev.agentavailability.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentavailability.contract.ContractJson;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The acceptance paths through a real broker and database: agent actions on the listener change what an
 * entry point answers, by way of the router's projection and the availability topics; a customer's chat
 * waits in the queue until the router picks an agent and the listener offers it the task. Each subclass starts
 * the lab with Kafka connected another way.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EndToEndPaths {

    /** Like demo entry point 1001 but without business hours, so that the test passes at any time of day. */
    private static final String ALWAYS_OPEN = "{\"name\":\"Chat support, always open\",\"mrdId\":5000,"
            + "\"skillGroupIds\":[%d],\"maxQueueDepth\":3}";

    private Lab lab;

    /** The lab, with its demo loaded. */
    abstract Lab startLab() throws Exception;

    /** The lab started for this class. */
    final Lab lab() {
        return lab;
    }

    @BeforeAll
    void startLabWithTestEntryPoints() throws Exception {
        lab = startLab();
        lab.send("PUT", lab.entrypoint().url() + "/entry-points/9001", "application/json", ALWAYS_OPEN.formatted(6928));
        // The chat test gets its own skill group and agent, so that the two tests cannot see each other's agents.
        lab.send("PUT", lab.router().url() + "/config/skill-groups/7001", "application/json",
                "{\"name\":\"E2E_Chat\",\"mrdId\":5000,\"peripheralNumber\":70601}");
        lab.send("PUT", lab.router().url() + "/config/agents/5033", "application/json",
                "{\"name\":\"ECE.Agent_1005\",\"peripheralNumber\":15004,\"skillGroupIds\":[7001]}");
        lab.send("PUT", lab.entrypoint().url() + "/entry-points/9002", "application/json", ALWAYS_OPEN.formatted(7001));
    }

    @AfterAll
    void stopLab() {
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    void entryPointAnswerFollowsTheAgentThroughLoginReadyNotReadyAndLogout() throws Exception {
        assertThat(responseType(9001)).as("no agent logged in").isEqualTo(1);

        agent(6420, "login", "{\"maxTaskLimit\":2,\"agentInfo\":\"6420\"}");
        agent(6420, "routable", "{\"maxTasks\":2}");
        assertThat(responseType(9001)).as("logged in, routable, not ready yet").isEqualTo(1);
        agent(6420, "ready", "{\"makeRoutable\":true}");
        awaitResponseType(9001, 0);

        JsonNode status = get(lab.router().url() + "/agents/6420/status");
        assertThat(status.at("/mrds/0/state").asText()).isEqualTo("NOT_ACTIVE");
        assertThat(status.at("/mrds/0/availableForNewTask").asBoolean()).isTrue();

        agent(6420, "not-ready", "{\"reasonCode\":5}");
        awaitResponseType(9001, 1);

        agent(6420, "ready", "{\"makeRoutable\":true}");
        awaitResponseType(9001, 0);
        agent(6420, "logout", null);
        awaitResponseType(9001, 1);
    }

    @Test
    void aChatWaitsInTheQueueUntilTheRouterPicksTheAgentAndTheListenerOffersTheTask() throws Exception {
        assertThat(startChat(9002)).as("nobody could take the chat: it may not start").isEqualTo(409);

        agent(5033, "login", "{\"maxTaskLimit\":1,\"agentInfo\":\"1005\"}");
        agent(5033, "routable", "{\"maxTasks\":1}");
        agent(5033, "ready", "{\"makeRoutable\":true}");
        awaitResponseType(9002, 0);

        assertThat(startChat(9002)).isEqualTo(201);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode mrd = get(lab.router().url() + "/agents/5033/status").at("/mrds/0");
            assertThat(mrd.path("state").asText()).as("offered the chat's task").isEqualTo("RESERVED");
            assertThat(mrd.path("activeTasks").asInt()).isEqualTo(1);
            assertThat(get(lab.entrypoint().url() + "/entry-points/9002/explain").at("/queue/depth").asInt())
                    .as("the offered chat left the queue").isZero();
        });
        // At its limit but ready and routable: busy, so the next chat may wait for it in the queue.
        awaitResponseType(9002, 0);
        assertThat(get(lab.entrypoint().url() + "/entry-points/9002/explain").at("/decision/rule").asText())
                .isEqualTo("ALL_BUSY_QUEUE_HAS_ROOM");

        assertThat(startChat(9002)).isEqualTo(201);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(get(lab.entrypoint().url() + "/entry-points/9002/explain").at("/queue/depth").asInt())
                        .as("no free agent: the second chat waits").isEqualTo(1));
        assertThat(get(lab.router().url() + "/agents/5033/status").at("/mrds/0/activeTasks").asInt())
                .as("never beyond the task limit").isEqualTo(1);
    }

    private void agent(int agent, String action, String body) throws Exception {
        lab.send("POST", lab.listener().url() + "/agents/" + agent + "/mrds/5000/" + action, "application/json", body);
    }

    private int startChat(long entryPoint) throws Exception {
        try {
            lab.send("POST", lab.entrypoint().url() + "/system/egain/chat/entrypoint/" + entryPoint + "/chats",
                    "application/json", "{}");
            return 201;
        } catch (IllegalStateException refused) {
            return refused.getMessage().contains(" answered 409") ? 409 : -1;
        }
    }

    private void awaitResponseType(long entryPoint, int expected) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(responseType(entryPoint)).isEqualTo(expected));
    }

    private int responseType(long entryPoint) throws Exception {
        return get(lab.entrypoint().url() + "/system/egain/chat/entrypoint/initialize/" + entryPoint)
                .at("/checkEligibility/responseType").asInt(-1);
    }

    private JsonNode get(String url) throws Exception {
        return ContractJson.mapper().readTree(lab.send("GET", url, null, null));
    }
}
