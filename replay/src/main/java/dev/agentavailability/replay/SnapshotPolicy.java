package dev.agentavailability.replay;

/**
 * When the router writes a partition's snapshot: when a stored batch moves the partition's next offset across a
 * multiple of {@code everyRecords} (from {@code from} to {@code to}, some multiple m with {@code from < m <= to}).
 * A pure function of the offsets, so it needs no state, gives the same answer on every instance and after a
 * restart, and a snapshot that failed is followed by another at the next multiple. router-service's
 * {@code SnapshotPublisher} and {@code bin/benchmark} take their snapshots by it.
 */
public final class SnapshotPolicy {

    private final long everyRecords;

    /** @param everyRecords records between snapshots of a partition; 0 or less: never */
    public SnapshotPolicy(long everyRecords) {
        this.everyRecords = everyRecords;
    }

    public boolean enabled() {
        return everyRecords > 0;
    }

    public long everyRecords() {
        return everyRecords;
    }

    /** Whether a batch that moved the partition's next offset from {@code from} to {@code to} calls for one. */
    public boolean crosses(long from, long to) {
        return enabled() && to > from && Math.floorDiv(to, everyRecords) > Math.floorDiv(from, everyRecords);
    }
}
