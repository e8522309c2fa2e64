package dev.agentavailability.contract.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;

/**
 * A change of reference data on the config topic. Every router instance reads the whole topic, and a
 * replay applies it in step with the agent events so that it sees the configuration of its time.
 *
 * @param op   UPSERT carries the item; DELETE carries only kind and id
 * @param item      the new version, null on DELETE
 * @param changedBy who made the change: the principal of the REST call; absent in records written before it was
 *                  recorded and by tools that write no principal
 */
public record ConfigEvent(int schemaVersion, UUID eventId, Instant occurredAt, Op op, ConfigKind kind, int id,
        ConfigItem item, @JsonInclude(JsonInclude.Include.NON_NULL) String changedBy) {

    public static final int SCHEMA_VERSION = 1;

    public enum Op {
        UPSERT,
        DELETE
    }

    public static ConfigEvent upsert(ConfigItem item, Instant at) {
        return upsert(item, at, null);
    }

    public static ConfigEvent upsert(ConfigItem item, Instant at, String changedBy) {
        return new ConfigEvent(SCHEMA_VERSION, UUID.randomUUID(), at, Op.UPSERT, item.kind(), item.id(), item,
                changedBy);
    }

    public static ConfigEvent delete(ConfigKind kind, int id, Instant at) {
        return delete(kind, id, at, null);
    }

    public static ConfigEvent delete(ConfigKind kind, int id, Instant at, String changedBy) {
        return new ConfigEvent(SCHEMA_VERSION, UUID.randomUUID(), at, Op.DELETE, kind, id, null, changedBy);
    }

    public static String key(ConfigKind kind, int id) {
        return kind + ":" + id;
    }

    public String key() {
        return key(kind, id);
    }
}
