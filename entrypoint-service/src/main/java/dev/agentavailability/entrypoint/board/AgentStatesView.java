package dev.agentavailability.entrypoint.board;

import dev.agentavailability.contract.Decoded;
import dev.agentavailability.contract.availability.AgentAvailability;
import dev.agentavailability.contract.availability.AvailabilityJson;
import dev.agentavailability.entrypoint.availability.AvailabilityView.Applied;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The latest {@link AgentAvailability} of every agent, as the compacted agent-state topic holds it: the board's
 * agents. A record replaces the agent's previous one whole, so the view is the topic's last record per key.
 */
@ApplicationScoped
public class AgentStatesView {

    private final Map<Integer, AgentAvailability> byAgent = new ConcurrentHashMap<>();

    /** Applies a record of the agent-state topic (key = ICM agent id, null value = the agent is gone). */
    public Applied apply(String key, String value) {
        Integer keyId = key == null ? null : agentId(key);
        if (key != null && keyId == null) {
            return Applied.malformed("key '" + key + "' is not an ICM agent id");
        }
        if (value == null) {
            if (keyId == null) {
                return Applied.malformed("deletion (null value) without a key");
            }
            byAgent.remove(keyId);
            return Applied.REMOVED;
        }
        Decoded<AgentAvailability> decoded = AvailabilityJson.readAgent(value);
        if (!decoded.isValid()) {
            return Applied.malformed(decoded.error());
        }
        AgentAvailability agent = decoded.value();
        if (keyId != null && keyId != agent.icmAgentId()) {
            return Applied.malformed("key '" + key + "' does not match the value's agent " + agent.icmAgentId());
        }
        byAgent.put(agent.icmAgentId(), agent);
        return Applied.STORED;
    }

    public Collection<AgentAvailability> all() {
        return byAgent.values();
    }

    public int size() {
        return byAgent.size();
    }

    private static Integer agentId(String key) {
        try {
            int id = Integer.parseInt(key);
            return id > 0 ? id : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
