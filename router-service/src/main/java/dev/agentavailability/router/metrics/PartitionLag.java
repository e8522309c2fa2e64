package dev.agentavailability.router.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * How far one agent-event partition's projection is behind the partition's end, from end offsets sampled
 * every few seconds and the projection's next offset read when asked.
 *
 * <p>The age of the oldest record not yet applied is the time lag an engineer can alert on: it is 0 whenever
 * the projection has caught up, however long the partition has been quiet, and it grows by one second a
 * second while the projection is stuck. It is measured from samples: the record at the projection's next
 * offset was written before the first sample whose end offset was beyond it, so the age reported is the
 * time since that sample, at most one sampling interval less than the record's real age (and, after this
 * instance took the partition over, counted from its first sample). Thread-safe.
 */
final class PartitionLag {

    /** Samples kept while the projection is behind; older ones are merged away beyond this. */
    static final int MAX_SAMPLES = 720;

    private record Sample(Instant at, long endOffset) {
    }

    /** End offsets not yet reached by the projection, oldest first, each larger than the one before. */
    private final Deque<Sample> behind = new ArrayDeque<>();
    private long endOffset = -1;
    /** The end offset of the first sample since this instance took the partition: caught up once reached. */
    private long catchUpTarget = -1;
    private boolean caughtUp;

    /** Records a sampled end offset, with the projection's next offset at the same moment. */
    synchronized void sampled(Instant at, long end, long nextOffset) {
        endOffset = end;
        if (catchUpTarget < 0) {
            catchUpTarget = end;
        }
        Sample last = behind.peekLast();
        if (end > nextOffset && (last == null || end > last.endOffset())) {
            if (behind.size() >= MAX_SAMPLES) {
                // Keeps the oldest sample, which gives the age; the one after it is the least informative.
                Sample oldest = behind.pollFirst();
                behind.pollFirst();
                behind.addFirst(oldest);
            }
            behind.addLast(new Sample(at, end));
        }
        prune(nextOffset);
    }

    /** Records on the topic that the projection has not applied; NaN before the first sample. */
    synchronized double records(long nextOffset) {
        return endOffset < 0 ? Double.NaN : Math.max(0, endOffset - nextOffset);
    }

    /** Seconds the oldest record not yet applied has waited (see the class comment); NaN before the first sample. */
    synchronized double seconds(Instant now, long nextOffset) {
        if (endOffset < 0) {
            return Double.NaN;
        }
        prune(nextOffset);
        Sample oldest = behind.peekFirst();
        if (oldest == null) {
            return 0;
        }
        return Math.max(0, Duration.between(oldest.at(), now).toMillis() / 1000.0);
    }

    /**
     * Records still to apply before the projection holds what the partition held when this instance took it
     * (0 once it has, and from then on, however the partition grows); -1 before the first sample.
     */
    synchronized long leftToCatchUp(long nextOffset) {
        if (catchUpTarget < 0 || nextOffset < 0) {
            return -1;
        }
        if (nextOffset >= catchUpTarget) {
            caughtUp = true;
        }
        return caughtUp ? 0 : catchUpTarget - nextOffset;
    }

    /** Samples whose end offset the projection has reached say nothing about what is left to apply. */
    private void prune(long nextOffset) {
        while (!behind.isEmpty() && behind.peekFirst().endOffset() <= nextOffset) {
            behind.pollFirst();
        }
    }
}
