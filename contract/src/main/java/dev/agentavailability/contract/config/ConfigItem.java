package dev.agentavailability.contract.config;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** One piece of ICM reference data; the JSON carries its kind. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = MrdConfig.class, name = "MRD"),
        @JsonSubTypes.Type(value = SkillGroupConfig.class, name = "SKILL_GROUP"),
        @JsonSubTypes.Type(value = AgentConfig.class, name = "AGENT"),
        @JsonSubTypes.Type(value = ApplicationPathConfig.class, name = "APPLICATION_PATH")
})
public sealed interface ConfigItem permits MrdConfig, SkillGroupConfig, AgentConfig, ApplicationPathConfig {

    int id();

    ConfigKind kind();

    /** The record key on the config topic: kind and id, so that later versions of one item follow each other. */
    default String key() {
        return ConfigEvent.key(kind(), id());
    }
}
