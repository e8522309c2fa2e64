package dev.agentavailability.replay;

import dev.agentavailability.contract.Decoded;
import dev.agentavailability.contract.arm.ArmEvent;
import java.time.Instant;

/**
 * What a snapshot says about the agent-event records just below it, so that a replay to an instant can pass over
 * them without reading them: for the offsets {@code [from, to)} of the partition (to = the snapshot's
 * {@code nextOffset}), the earliest {@code occurredAt} of the readable records and the last offset of an
 * unreadable one. When every readable record of a span occurred after the instant, a replay from the beginning
 * would apply none of them and only move past the unreadable ones: so may a replay that skips the span.
 *
 * <p>The writer keeps one per partition and feeds it every stored batch in order ({@link #batch}, then
 * {@link #readable} / {@link #unreadable} per record); when a batch does not continue the previous one (a restart,
 * a partition that moved), the span starts over at that batch, so a span never claims records it did not see.
 * {@link #take} hands the span to a snapshot and starts the next one where it ends.
 */
public final class SnapshotCoverage {

    /** A finished span: {@code minEventAt} null when it has no readable record, {@code lastUnreadable} -1 when none. */
    public record Span(long from, long to, Instant minEventAt, long lastUnreadable) {

        /** Whether a replay to {@code at} may pass over the span: nothing in it occurred at or before {@code at}. */
        public boolean laterThan(Instant at) {
            return minEventAt == null || minEventAt.isAfter(at);
        }
    }

    private long from = -1;
    private long to = -1;
    private Instant minEventAt;
    private long lastUnreadable = -1;

    /** A stored batch that moved the partition from {@code from} to {@code to}; its records follow. */
    public void batch(long from, long to) {
        if (this.to != from) {
            this.from = from;
            this.minEventAt = null;
            this.lastUnreadable = -1;
        }
        this.to = to;
    }

    /** A readable record of the current batch (records outside it are ignored). */
    public void readable(long offset, Instant occurredAt) {
        if (offset >= from && offset < to && (minEventAt == null || occurredAt.isBefore(minEventAt))) {
            minEventAt = occurredAt;
        }
    }

    /** An unreadable record of the current batch (records outside it are ignored). */
    public void unreadable(long offset) {
        if (offset >= from && offset < to && offset > lastUnreadable) {
            lastUnreadable = offset;
        }
    }

    /** A record of the current batch as the projection reads it. */
    public void record(long offset, Decoded<ArmEvent> decoded) {
        if (decoded.isValid()) {
            readable(offset, decoded.value().occurredAt());
        } else {
            unreadable(offset);
        }
    }

    /** The span so far (null before any batch), and a new one from its end. */
    public Span take() {
        if (from < 0) {
            return null;
        }
        Span span = new Span(from, to, minEventAt, lastUnreadable);
        from = to;
        minEventAt = null;
        lastUnreadable = -1;
        return span;
    }
}
