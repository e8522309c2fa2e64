package dev.agentavailability.replay;

import dev.agentavailability.contract.ContractJson;
import dev.agentavailability.projection.snapshot.PartitionSnapshot;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The records of the snapshot topic: key = the agent-event partition number, value = {@link PartitionSnapshot} as
 * {@link ContractJson} writes it, and headers that repeat what a replay chooses by, so that it never parses the
 * snapshots it does not start from, and that describe the records the snapshot covers since the previous one
 * ({@link SnapshotCoverage}), so that a replay to an instant passes over spans that hold only later events.
 * router-service's {@code SnapshotPublisher} writes them, {@code bin/benchmark} too.
 */
public final class SnapshotRecords {

    /** The agent-event topic the snapshot was taken from. */
    public static final String TOPIC_HEADER = "snapshot-topic";
    /** The agent-event partition, a decimal number. */
    public static final String PARTITION_HEADER = "snapshot-partition";
    /** The snapshot's {@code nextOffset}, a decimal number. */
    public static final String NEXT_OFFSET_HEADER = "snapshot-next-offset";
    /** The snapshot's {@code lastEventAt}, ISO-8601; empty when no event was applied. */
    public static final String LAST_EVENT_AT_HEADER = "snapshot-last-event-at";
    /**
     * The first offset of the records the snapshot covers ({@link SnapshotCoverage.Span}: from here to its
     * {@code nextOffset}); absent when the writer does not say.
     */
    public static final String COVERS_FROM_HEADER = "snapshot-covers-from";
    /** The earliest {@code occurredAt} of the readable records covered, ISO-8601; empty when there is none. */
    public static final String COVERS_MIN_EVENT_AT_HEADER = "snapshot-covers-min-event-at";
    /** The last offset of an unreadable record covered, a decimal number; -1 when there is none. */
    public static final String COVERS_LAST_UNREADABLE_HEADER = "snapshot-covers-last-unreadable";

    private SnapshotRecords() {
    }

    public static Headers headers(PartitionSnapshot snapshot) {
        return headers(snapshot, null);
    }

    /** With the span of records below the snapshot (null: none known); it must end at the snapshot's offset. */
    public static Headers headers(PartitionSnapshot snapshot, SnapshotCoverage.Span covered) {
        RecordHeaders headers = new RecordHeaders();
        if (covered != null && covered.to() == snapshot.nextOffset()) {
            headers.add(COVERS_FROM_HEADER, bytes(Long.toString(covered.from())));
            headers.add(COVERS_MIN_EVENT_AT_HEADER,
                    bytes(covered.minEventAt() == null ? "" : covered.minEventAt().toString()));
            headers.add(COVERS_LAST_UNREADABLE_HEADER, bytes(Long.toString(covered.lastUnreadable())));
        }
        headers.add(TOPIC_HEADER, bytes(snapshot.topic()));
        headers.add(PARTITION_HEADER, bytes(Integer.toString(snapshot.partition())));
        headers.add(NEXT_OFFSET_HEADER, bytes(Long.toString(snapshot.nextOffset())));
        headers.add(LAST_EVENT_AT_HEADER,
                bytes(snapshot.lastEventAt() == null ? "" : snapshot.lastEventAt().toString()));
        return headers;
    }

    public static byte[] value(PartitionSnapshot snapshot) {
        return bytes(ContractJson.write(snapshot));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
