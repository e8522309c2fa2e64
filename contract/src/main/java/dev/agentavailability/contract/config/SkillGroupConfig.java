package dev.agentavailability.contract.config;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A skill group of one MRD.
 *
 * @param id               skill target id
 * @param peripheralNumber the skill group number on its peripheral
 * @param defaultGroup     the MRD's default skill group, which ICM adds every agent logged into the MRD to
 */
public record SkillGroupConfig(int id, String name, int mrdId, int peripheralNumber, boolean defaultGroup)
        implements ConfigItem {

    @Override
    @JsonIgnore
    public ConfigKind kind() {
        return ConfigKind.SKILL_GROUP;
    }
}
