package dev.agentavailability.contract.entrypoint;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.agentavailability.contract.ContractJson;
import dev.agentavailability.contract.Decoded;

/** Reads and writes {@link EntryPointEvent} JSON. */
public final class EntryPointEventJson {

    private EntryPointEventJson() {
    }

    public static String write(EntryPointEvent event) {
        return ContractJson.write(event);
    }

    public static Decoded<EntryPointEvent> read(String json) {
        if (json == null || json.isBlank()) {
            return Decoded.malformed("empty record value");
        }
        try {
            return Decoded.ok(ContractJson.mapper().readValue(json, EntryPointEvent.class))
                    .check(EntryPointEventJson::fault);
        } catch (JsonProcessingException e) {
            return Decoded.malformed(ContractJson.describe(e));
        }
    }

    static String fault(EntryPointEvent e) {
        if (e.schemaVersion() != EntryPointEvent.SCHEMA_VERSION) {
            return "unsupported schemaVersion " + e.schemaVersion() + " (this reader knows "
                    + EntryPointEvent.SCHEMA_VERSION + ")";
        }
        if (e.eventId() == null || e.type() == null || e.occurredAt() == null) {
            return "eventId, type and occurredAt are required";
        }
        if (e.entryPointId() <= 0) {
            return "entryPointId must be positive, was " + e.entryPointId();
        }
        if (e.type() == EntryPointEventType.SAVED && e.settings() == null) {
            return "SAVED needs the settings";
        }
        return null;
    }
}
