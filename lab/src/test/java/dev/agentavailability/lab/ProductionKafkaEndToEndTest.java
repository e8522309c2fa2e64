package dev.agentavailability.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentavailability.contract.ContractJson;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The end-to-end paths with Kafka as production has it: every Kafka client of each service (channels, producers,
 * readers, admin clients) over SASL_SSL, logged in with SCRAM-SHA-512 as the user named after the service, and
 * allowed only what the production overlay's {@code kafka-users.yaml} ACLs allow that user. A service whose client
 * ignored the security settings, or whose ACLs miss a topic or group it uses, fails these paths.
 */
class ProductionKafkaEndToEndTest extends EndToEndPaths {

    @Override
    Lab startLab() throws Exception {
        return LabFixture.start(3, LabFixture.REPO_ROOT.resolve("deploy/overlays/production/kafka-users.yaml"));
    }

    /** A replay reads the agent events, the config, the chats and the entry point history as the router's user. */
    @Test
    void aReplayReadsEveryTopicItNeedsUnderTheRoutersAcls() throws Exception {
        JsonNode replay = ContractJson.mapper().readTree(lab().send("GET", lab().router().url()
                + "/replay/entry-points/9001?at=" + Instant.now(), null, null));

        assertThat(replay.at("/answer/responseType").isInt()).as("an answer for entry point 9001: %s", replay).isTrue();
    }

    /** The board reads every agent's state, and rebuilds a clicked agent, as the entry point service's user. */
    @Test
    void theBoardReadsAgentStatesAndRebuildsAnAgentUnderTheEntryPointServicesAcls() throws Exception {
        lab().send("PUT", lab().router().url() + "/config/agents/7801", "application/json",
                "{\"name\":\"Board.Agent\",\"peripheralNumber\":17801,\"skillGroupIds\":[6928]}");
        lab().send("POST", lab().listener().url() + "/agents/7801/mrds/5000/login", "application/json",
                "{\"maxTaskLimit\":1}");
        await().atMost(Duration.ofSeconds(30)).until(() -> lab().send("GET", lab().entrypoint().url() + "/board/state",
                null, null).contains("\"icmAgentId\":7801"));
        JsonNode agent = ContractJson.mapper().readTree(lab().send("GET", lab().entrypoint().url()
                + "/board/agents/7801", null, null));
        assertThat(agent.path("rttest").asText()).contains("Board.Agent (7801");
        assertThat(agent.path("lastEvents").toString()).contains("MEDIA_LOGIN_REQ");
    }
}
