package dev.agentavailability.contract.config;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.agentavailability.contract.PlainText;

/** One piece of ICM reference data; the JSON carries its kind. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = MrdConfig.class, name = "MRD"),
        @JsonSubTypes.Type(value = SkillGroupConfig.class, name = "SKILL_GROUP"),
        @JsonSubTypes.Type(value = AgentConfig.class, name = "AGENT"),
        @JsonSubTypes.Type(value = ApplicationPathConfig.class, name = "APPLICATION_PATH")
})
public sealed interface ConfigItem permits MrdConfig, SkillGroupConfig, AgentConfig, ApplicationPathConfig {

    /** Longer than any ICM or ECE name (ICM enterprise names are 32); bounds what one item costs to store. */
    int MAX_NAME_LENGTH = 255;

    int id();

    String name();

    ConfigKind kind();

    /**
     * What is wrong with an item's name, or null: the one rule for the REST edge and for every reader of the topic,
     * so a record that got onto the topic some other way is refused alike by all of them.
     */
    static String nameFault(String name) {
        if (name == null || name.isBlank()) {
            return "must not be blank";
        }
        if (PlainText.hasControlCharacters(name)) {
            return PlainText.CONTROL_CHARACTERS_MESSAGE;
        }
        return name.length() > MAX_NAME_LENGTH ? "must be at most " + MAX_NAME_LENGTH + " characters" : null;
    }

    /** The record key on the config topic: kind and id, so that later versions of one item follow each other. */
    default String key() {
        return ConfigEvent.key(kind(), id());
    }
}
