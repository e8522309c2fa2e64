package dev.agentavailability.contract.arm;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.agentavailability.contract.ContractJson;
import dev.agentavailability.contract.Decoded;
import java.util.stream.Collectors;

/** Reads and writes {@link ArmEvent} JSON, refusing records that no projection could apply. */
public final class ArmEventJson {

    private ArmEventJson() {
    }

    public static String write(ArmEvent event) {
        return ContractJson.write(event);
    }

    public static Decoded<ArmEvent> read(String json) {
        if (json == null || json.isBlank()) {
            return Decoded.malformed("empty record value");
        }
        try {
            return Decoded.ok(ContractJson.mapper().readValue(json, ArmEvent.class)).check(ArmEventJson::fault);
        } catch (JsonProcessingException e) {
            return Decoded.malformed(ContractJson.describe(e));
        }
    }

    /** The first structural fault of an event, or null. Semantic faults (a task on a logged-out agent) are the projection's. */
    static String fault(ArmEvent e) {
        if (e.schemaVersion() != ArmEvent.SCHEMA_VERSION) {
            return "unsupported schemaVersion " + e.schemaVersion() + " (this reader knows " + ArmEvent.SCHEMA_VERSION + ")";
        }
        if (e.eventId() == null) {
            return "eventId is missing";
        }
        if (e.message() == null) {
            return "message is missing";
        }
        if (e.messageType() != e.message().type()) {
            return "messageType " + e.messageType() + " does not match " + e.message() + " (" + e.message().type() + ")";
        }
        if (e.occurredAt() == null) {
            return "occurredAt is missing";
        }
        if (e.mrdId() <= 0) {
            return "mrdId must be a positive MRD id, was " + e.mrdId();
        }
        if (e.message().isPerAgent() ? e.icmAgentId() <= 0 : e.icmAgentId() != 0) {
            return e.message().isPerAgent()
                    ? "icmAgentId must be a positive ICM agent id, was " + e.icmAgentId()
                    : e.message() + " concerns a whole MRD, so icmAgentId must be 0, was " + e.icmAgentId();
        }
        String missing = e.message().requiredFields().stream()
                .filter(f -> !f.isPresentIn(e.fields()))
                .map(f -> "fields." + f.jsonName())
                .sorted()
                .collect(Collectors.joining(", "));
        return missing.isEmpty() ? null : e.message() + " needs " + missing;
    }
}
