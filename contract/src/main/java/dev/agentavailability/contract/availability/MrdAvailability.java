package dev.agentavailability.contract.availability;

import java.time.Instant;

/**
 * The availability of one MRD within one agent-event partition, on a compacted topic keyed by
 * {@code mrdId/partition}. Each agent counts once, whatever its skill groups.
 */
public record MrdAvailability(int schemaVersion, int mrdId, int partition, AvailabilityCounts counts,
        long throughOffset, Instant asOf) {

    public static final int SCHEMA_VERSION = 1;

    public static String key(int mrdId, int partition) {
        return new AvailabilityKey(mrdId, partition).text();
    }

    public String key() {
        return key(mrdId, partition);
    }
}
