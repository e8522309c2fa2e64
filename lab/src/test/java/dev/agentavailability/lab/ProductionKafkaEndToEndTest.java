package dev.agentavailability.lab;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentavailability.contract.ContractJson;
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
}
