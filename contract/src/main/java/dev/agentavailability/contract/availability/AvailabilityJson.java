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

    public static Decoded<AgentAvailability> readAgent(String json) {
        return ContractJson.readRecord(json, AgentAvailability.class, AgentAvailability::schemaVersion,
                AgentAvailability.SCHEMA_VERSION, AvailabilityJson::agentFault);
    }

    public static Decoded<MrdAvailability> readMrd(String json) {
        return ContractJson.readRecord(json, MrdAvailability.class, MrdAvailability::schemaVersion,
                MrdAvailability.SCHEMA_VERSION, a -> a.counts() == null ? "counts are missing" : null);
    }

    private static String agentFault(AgentAvailability a) {
        if (a.icmAgentId() <= 0) {
            return "icmAgentId must be a positive ICM agent id, was " + a.icmAgentId();
        }
        if (a.mrds() == null) {
            return "mrds are missing";
        }
        for (AgentAvailability.Mrd mrd : a.mrds()) {
            if (mrd == null || mrd.state() == null || mrd.unavailableBecause() == null) {
                return "an MRD entry lacks its state or unavailableBecause";
            }
            if (mrd.activeTasks() < 0) {
                return "MRD " + mrd.mrdId() + ": negative activeTasks " + mrd.activeTasks();
            }
        }
        return null;
    }
}
