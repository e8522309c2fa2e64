package dev.agentavailability.contract.availability;

import java.time.Instant;

/**
 * The availability of one skill group within one agent-event partition, on a compacted topic keyed by
 * {@code skillGroupId/partition}.
 *
 * @param throughOffset the agent-event offset of this partition the counts reflect (next offset to apply)
 * @param asOf          the time of the last event applied
 */
public record SkillGroupAvailability(int schemaVersion, int skillGroupId, int mrdId, int partition,
        AvailabilityCounts counts, long throughOffset, Instant asOf) {

    public static final int SCHEMA_VERSION = 1;

    public static String key(int skillGroupId, int partition) {
        return new AvailabilityKey(skillGroupId, partition).text();
    }

    public String key() {
        return key(skillGroupId, partition);
    }
}
