package dev.agentavailability.contract.config;

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
        return ContractJson.readRecord(json, ConfigEvent.class, ConfigEvent::schemaVersion, ConfigEvent.SCHEMA_VERSION, ConfigEventJson::fault);
    }

    static String fault(ConfigEvent e) {
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
            String name = ConfigItem.nameFault(e.item().name());
            if (name != null) {
                return "item " + e.item().key() + ": name " + name;
            }
        }
        return null;
    }
}
