package dev.agentavailability.contract.entrypoint;

import java.time.Instant;
import java.util.UUID;

/**
 * A change of an entry point's settings on the entry-point topic, keyed by entry point id. The entry point
 * service's database holds the current settings; this topic holds their history, so that "why did entry point
 * 1001 answer 1 at 14:03:22?" can be answered from the topics alone.
 *
 * @param settings the whole settings after the change (SAVED), null when DELETED
 */
public record EntryPointEvent(int schemaVersion, UUID eventId, EntryPointEventType type, Instant occurredAt,
        long entryPointId, EntryPointSettings settings) {

    public static final int SCHEMA_VERSION = 1;

    public static EntryPointEvent saved(long entryPointId, EntryPointSettings settings, Instant at) {
        return new EntryPointEvent(SCHEMA_VERSION, UUID.randomUUID(), EntryPointEventType.SAVED, at, entryPointId,
                settings);
    }

    public static EntryPointEvent deleted(long entryPointId, Instant at) {
        return new EntryPointEvent(SCHEMA_VERSION, UUID.randomUUID(), EntryPointEventType.DELETED, at, entryPointId,
                null);
    }

    public String key() {
        return Long.toString(entryPointId);
    }
}
