package dev.agentavailability.entrypoint.startup;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.TopicPartition;

/**
 * Whether the availability topics have been read up to the end offsets they had at startup. Records may be seen
 * before the targets are known; once caught up, it stays caught up (later records are just updates).
 */
public final class CatchUpProgress {

    /** Next offset to read per partition that had records at startup; null until known. */
    private volatile Map<TopicPartition, Long> targets;
    private final Map<TopicPartition, Long> nextOffsets = new ConcurrentHashMap<>();
    private volatile boolean caughtUp;

    /**
     * Sets what has to be read: for each partition, its log start and end offsets at startup. A partition with no
     * records (start == end) or a topic without partitions needs nothing.
     */
    public void target(Map<TopicPartition, Long> startOffsets, Map<TopicPartition, Long> endOffsets) {
        Map<TopicPartition, Long> needed = new ConcurrentHashMap<>();
        endOffsets.forEach((tp, end) -> {
            long start = startOffsets.getOrDefault(tp, 0L);
            if (end > start) {
                needed.put(tp, end);
            }
        });
        targets = needed;
    }

    /** A record at this offset has been applied. */
    public void seen(String topic, int partition, long offset) {
        nextOffsets.merge(new TopicPartition(topic, partition), offset + 1, Math::max);
    }

    public boolean targetsKnown() {
        return targets != null;
    }

    public boolean caughtUp() {
        if (caughtUp) {
            return true;
        }
        Map<TopicPartition, Long> t = targets;
        if (t == null) {
            return false;
        }
        boolean done = t.entrySet().stream()
                .allMatch(e -> nextOffsets.getOrDefault(e.getKey(), 0L) >= e.getValue());
        if (done) {
            caughtUp = true;
        }
        return done;
    }

    /** Per partition still behind its target: how many offsets remain ("topic-partition" → count). */
    public Map<String, Long> remaining() {
        Map<String, Long> behind = new TreeMap<>();
        Map<TopicPartition, Long> t = targets;
        if (t == null || caughtUp) {
            return behind;
        }
        t.forEach((tp, end) -> {
            long left = end - nextOffsets.getOrDefault(tp, 0L);
            if (left > 0) {
                behind.put(tp.toString(), left);
            }
        });
        return behind;
    }
}
