package dev.agentavailability.contract.availability;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.agentavailability.contract.ContractJson;
import dev.agentavailability.contract.Decoded;

/** Reads the availability topics' records. */
public final class AvailabilityJson {

    private AvailabilityJson() {
    }

    public static Decoded<SkillGroupAvailability> readSkillGroup(String json) {
        return read(json, SkillGroupAvailability.class)
                .check(a -> a.schemaVersion() == SkillGroupAvailability.SCHEMA_VERSION && a.counts() != null
                        ? null : "unsupported schemaVersion or missing counts");
    }

    public static Decoded<MrdAvailability> readMrd(String json) {
        return read(json, MrdAvailability.class)
                .check(a -> a.schemaVersion() == MrdAvailability.SCHEMA_VERSION && a.counts() != null
                        ? null : "unsupported schemaVersion or missing counts");
    }

    private static <T> Decoded<T> read(String json, Class<T> type) {
        if (json == null || json.isBlank()) {
            return Decoded.malformed("empty record value");
        }
        try {
            return Decoded.ok(ContractJson.mapper().readValue(json, type));
        } catch (JsonProcessingException e) {
            return Decoded.malformed(ContractJson.describe(e));
        }
    }
}
