package dev.agentavailability.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentavailability.contract.config.AgentConfig;
import dev.agentavailability.contract.config.ConfigEvent;
import dev.agentavailability.contract.config.ConfigEventJson;
import dev.agentavailability.contract.config.ConfigKind;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigEventJsonTest {

    @Test
    void readsBackUpsertsAndDeletes() {
        ConfigEvent upsert = ConfigEvent.upsert(new AgentConfig(6420, "CUCM.Agent_test", 15003, List.of(6274, 6928)),
                Instant.EPOCH);
        String json = ConfigEventJson.write(upsert);
        assertThat(json).contains("\"kind\":\"AGENT\"");
        assertThat(ConfigEventJson.read(json).value()).isEqualTo(upsert);
        assertThat(upsert.key()).isEqualTo("AGENT:6420");

        ConfigEvent delete = ConfigEvent.delete(ConfigKind.MRD, 5000, Instant.EPOCH);
        assertThat(ConfigEventJson.read(ConfigEventJson.write(delete)).value()).isEqualTo(delete);
    }

    @Test
    void refusesAnItemThatContradictsItsEnvelope() {
        String json = ConfigEventJson.write(ConfigEvent.upsert(new AgentConfig(6420, "a", 1, List.of()), Instant.EPOCH))
                .replace("\"id\":6420,\"item\"", "\"id\":1,\"item\"");
        assertThat(ConfigEventJson.read(json).error()).isEqualTo("item AGENT:6420 does not match AGENT:1");
        assertThat(ConfigEventJson.read("{\"schemaVersion\":1}").error()).isEqualTo("eventId, occurredAt, op and kind are required");
    }
}
