package dev.agentavailability.contract.availability;

import dev.agentavailability.contract.ContractJson;
import dev.agentavailability.contract.Decoded;

/** Reads the availability topics' records. */
public final class AvailabilityJson {

    private AvailabilityJson() {
    }

    public static Decoded<SkillGroupAvailability> readSkillGroup(String json) {
        return ContractJson.readRecord(json, SkillGroupAvailability.class, SkillGroupAvailability::schemaVersion,
                SkillGroupAvailability.SCHEMA_VERSION, a -> a.counts() == null ? "counts are missing" : null);
    }

    public static Decoded<MrdAvailability> readMrd(String json) {
        return ContractJson.readRecord(json, MrdAvailability.class, MrdAvailability::schemaVersion,
                MrdAvailability.SCHEMA_VERSION, a -> a.counts() == null ? "counts are missing" : null);
    }
}
