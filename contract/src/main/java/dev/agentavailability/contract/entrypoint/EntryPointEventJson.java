package dev.agentavailability.contract.entrypoint;

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
        return ContractJson.readRecord(json, EntryPointEvent.class, EntryPointEvent::schemaVersion, EntryPointEvent.SCHEMA_VERSION, EntryPointEventJson::fault);
    }

    static String fault(EntryPointEvent e) {
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
