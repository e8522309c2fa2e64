package dev.agentavailability.contract.entrypoint;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;

/**
 * A change of an entry point's settings on the entry-point topic, keyed by entry point id. The entry point
 * service's database holds the current settings; this topic holds their history, so that "why did entry point
 * 1001 answer 1 at 14:03:22?" and "who changed its business hours, and when?" can be answered from the topics alone.
 *
 * @param settings  the whole settings after the change (SAVED), null when DELETED
 * @param changedBy who made the change: the principal of the REST call, or the service itself when it repairs the
 *                  history from its database; absent in records written before it was recorded
 */
public record EntryPointEvent(int schemaVersion, UUID eventId, EntryPointEventType type, Instant occurredAt,
        long entryPointId, EntryPointSettings settings, @JsonInclude(JsonInclude.Include.NON_NULL) String changedBy) {

    public static final int SCHEMA_VERSION = 1;

    public static EntryPointEvent saved(long entryPointId, EntryPointSettings settings, Instant at) {
        return saved(entryPointId, settings, at, null);
    }

    public static EntryPointEvent saved(long entryPointId, EntryPointSettings settings, Instant at, String changedBy) {
        return new EntryPointEvent(SCHEMA_VERSION, UUID.randomUUID(), EntryPointEventType.SAVED, at, entryPointId,
                settings, changedBy);
    }

    public static EntryPointEvent deleted(long entryPointId, Instant at) {
        return deleted(entryPointId, at, null);
    }

    public static EntryPointEvent deleted(long entryPointId, Instant at, String changedBy) {
        return new EntryPointEvent(SCHEMA_VERSION, UUID.randomUUID(), EntryPointEventType.DELETED, at, entryPointId,
                null, changedBy);
    }

    public String key() {
        return Long.toString(entryPointId);
    }
}
