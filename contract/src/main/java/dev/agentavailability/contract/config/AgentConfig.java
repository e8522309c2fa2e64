package dev.agentavailability.contract.config;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * An ICM agent and the skill groups it is configured in (over every MRD).
 *
 * @param id               ICM agent id (skill target id)
 * @param peripheralNumber the agent's number on its peripheral
 */
public record AgentConfig(int id, String name, int peripheralNumber, List<Integer> skillGroupIds)
        implements ConfigItem {

    public AgentConfig {
        // a membership named twice is one membership (and two would be one row twice in the reference tables)
        skillGroupIds = skillGroupIds == null ? List.of() : List.copyOf(new LinkedHashSet<>(skillGroupIds));
    }

    @Override
    @JsonIgnore
    public ConfigKind kind() {
        return ConfigKind.AGENT;
    }
}
