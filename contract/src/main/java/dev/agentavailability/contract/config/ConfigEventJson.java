package dev.agentavailability.contract.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.agentavailability.contract.ContractJson;
import dev.agentavailability.contract.Decoded;

/** Reads and writes {@link ConfigEvent} JSON. */
public final class ConfigEventJson {

    private ConfigEventJson() {
    }

    public static String write(ConfigEvent event) {
        return ContractJson.write(event);
    }

    public static Decoded<ConfigEvent> read(String json) {
        if (json == null || json.isBlank()) {
            return Decoded.malformed("empty record value");
        }
        try {
            return Decoded.ok(ContractJson.mapper().readValue(json, ConfigEvent.class)).check(ConfigEventJson::fault);
        } catch (JsonProcessingException e) {
            return Decoded.malformed(ContractJson.describe(e));
        }
    }

    static String fault(ConfigEvent e) {
        if (e.schemaVersion() != ConfigEvent.SCHEMA_VERSION) {
            return "unsupported schemaVersion " + e.schemaVersion() + " (this reader knows " + ConfigEvent.SCHEMA_VERSION + ")";
        }
        if (e.eventId() == null || e.occurredAt() == null || e.op() == null || e.kind() == null) {
            return "eventId, occurredAt, op and kind are required";
        }
        if (e.id() <= 0) {
            return "id must be a positive id, was " + e.id();
        }
        if (e.op() == ConfigEvent.Op.UPSERT) {
            if (e.item() == null) {
                return "UPSERT needs an item";
            }
            if (e.item().kind() != e.kind() || e.item().id() != e.id()) {
                return "item " + e.item().key() + " does not match " + e.key();
            }
        }
        return null;
    }
}
