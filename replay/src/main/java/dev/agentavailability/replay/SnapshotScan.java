package dev.agentavailability.replay;

import dev.agentavailability.kafka.TopicReader;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.agentavailability.contract.ContractJson;
import dev.agentavailability.projection.snapshot.PartitionSnapshot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Chooses, for each agent-event partition, the snapshot a replay starts from: the one with the highest
 * {@code nextOffset} that is taken from this agent-event topic, ends at or below the offset the replay reads to,
 * and (for a replay to an instant) holds nothing that occurred after the instant ({@link PartitionSnapshot#usableFor}).
 *
 * <p>The snapshot topic is read whole, but a record is decoded only when it may be chosen: the router writes the
 * facts the choice needs as headers ({@link SnapshotRecords}), so the bodies of the other snapshots
 * are never parsed. A record without these headers is decoded to learn them. The snapshot topic is only an
 * accelerator: a record that cannot be read, or whose body contradicts its headers, is passed over with a note,
 * and the partition starts from its next best snapshot or its beginning.
 */
final class SnapshotScan {

    private static final String TOPIC_HEADER = SnapshotRecords.TOPIC_HEADER;
    private static final String PARTITION_HEADER = SnapshotRecords.PARTITION_HEADER;
    private static final String NEXT_OFFSET_HEADER = SnapshotRecords.NEXT_OFFSET_HEADER;
    private static final String LAST_EVENT_AT_HEADER = SnapshotRecords.LAST_EVENT_AT_HEADER;

    /** Offsets {@code [from, to)} a replay passes over, moving past the unreadable one at lastUnreadable (if ≥ 0). */
    record Skip(long from, long to, long lastUnreadable) implements TopicReader.Skip {
    }

    /** What a snapshot record says of itself, from its headers or its body. */
    private record Candidate(int recordPartition, long recordOffset, int partition, long nextOffset,
            Instant lastEventAt) {
    }

    /** Highest nextOffset first; among equal ones (the same state) the later record. */
    private static final Comparator<Candidate> BEST_FIRST = Comparator.comparingLong(Candidate::nextOffset)
            .thenComparingLong(Candidate::recordOffset).thenComparingInt(Candidate::recordPartition).reversed();

    /** Reads the body of the snapshot record at a partition and offset of the snapshot topic again. */
    interface Fetch {
        byte[] body(int recordPartition, long recordOffset);
    }

    private final String snapshotTopic;
    private final String agentEventTopic;
    private final Map<Integer, Long> ends;
    private final Instant at;
    private final List<String> notes;
    private final Map<Integer, List<Candidate>> candidates = new TreeMap<>();
    /** The body of the best candidate so far of each partition, so that the common case reads nothing twice. */
    private final Map<Integer, Candidate> bestSoFar = new HashMap<>();
    private final Map<Integer, byte[]> bestBodies = new HashMap<>();
    private final Map<Integer, PartitionSnapshot> bestDecoded = new HashMap<>();
    /** The spans of records the snapshots of this topic cover, by partition (from the headers, whatever the body). */
    private final Map<Integer, List<SnapshotCoverage.Span>> spans = new HashMap<>();

    /**
     * @param ends the offset each agent-event partition is read to (partitions not in it are not replayed)
     * @param at   the replay's instant, null for a replay to offsets
     */
    SnapshotScan(String snapshotTopic, String agentEventTopic, Map<Integer, Long> ends, Instant at,
            List<String> notes) {
        this.snapshotTopic = snapshotTopic;
        this.agentEventTopic = agentEventTopic;
        this.ends = ends;
        this.at = at;
        this.notes = notes;
    }

    /** One record of the snapshot topic, in offset order. */
    void accept(int recordPartition, long recordOffset, Headers headers, byte[] body) {
        Candidate candidate = fromHeaders(recordPartition, recordOffset, headers);
        if (candidate != null && candidate.partition() >= 0) {
            SnapshotCoverage.Span span = span(headers, candidate.nextOffset());
            if (span != null) {
                spans.computeIfAbsent(candidate.partition(), p -> new ArrayList<>()).add(span);
            }
        }
        PartitionSnapshot decoded = null;
        if (candidate == null) {
            decoded = decode(recordPartition, recordOffset, body, null);
            if (decoded == null) {
                return;
            }
            if (!agentEventTopic.equals(decoded.topic())) {
                return;
            }
            candidate = new Candidate(recordPartition, recordOffset, decoded.partition(), decoded.nextOffset(),
                    decoded.lastEventAt());
        }
        Long end = ends.get(candidate.partition());
        if (end == null || candidate.nextOffset() > end || candidate.nextOffset() < 0
                || (at != null && candidate.lastEventAt() != null && candidate.lastEventAt().isAfter(at))) {
            return;
        }
        candidates.computeIfAbsent(candidate.partition(), p -> new ArrayList<>()).add(candidate);
        Candidate best = bestSoFar.get(candidate.partition());
        if (best == null || BEST_FIRST.compare(candidate, best) < 0) {
            bestSoFar.put(candidate.partition(), candidate);
            bestBodies.put(candidate.partition(), decoded == null ? body : null);
            if (decoded != null) {
                bestDecoded.put(candidate.partition(), decoded);
            } else {
                bestDecoded.remove(candidate.partition());
            }
        }
    }

    /**
     * The snapshot each partition starts from (partitions without one are absent). {@code fetch} reads the body
     * of the snapshot record at an offset again, for when the best candidate turns out unreadable.
     */
    Map<Integer, PartitionSnapshot> choose(Fetch fetch) {
        Map<Integer, PartitionSnapshot> chosen = new TreeMap<>();
        candidates.forEach((partition, list) -> {
            list.sort(BEST_FIRST);
            for (int i = 0; i < list.size(); i++) {
                Candidate candidate = list.get(i);
                PartitionSnapshot snapshot;
                if (i == 0 && bestDecoded.containsKey(partition)) {
                    snapshot = bestDecoded.get(partition);
                } else {
                    byte[] body = i == 0 ? bestBodies.get(partition)
                            : fetch.body(candidate.recordPartition(), candidate.recordOffset());
                    snapshot = decode(candidate.recordPartition(), candidate.recordOffset(), body, candidate);
                }
                if (snapshot != null) {
                    chosen.put(partition, snapshot);
                    return;
                }
            }
        });
        return chosen;
    }

    /**
     * For a replay to {@code at} of a partition from {@code start} to {@code end}: the offsets it may pass over,
     * ascending and disjoint, where the snapshots say that every readable record occurred after {@code at}.
     */
    List<Skip> skips(int partition, long start, long end, Instant at) {
        List<SnapshotCoverage.Span> later = new ArrayList<>();
        for (SnapshotCoverage.Span span : spans.getOrDefault(partition, List.of())) {
            // a span beyond the end may hide an unreadable record the replay must not move past
            if (span.to() <= end && span.to() > start && span.laterThan(at)) {
                later.add(span);
            }
        }
        later.sort(Comparator.comparingLong(SnapshotCoverage.Span::from));
        List<Skip> skips = new ArrayList<>();
        long from = -1;
        long to = -1;
        long unreadable = -1;
        for (SnapshotCoverage.Span span : later) {
            long spanFrom = Math.max(span.from(), start);
            long spanUnreadable = span.lastUnreadable() >= spanFrom ? span.lastUnreadable() : -1;
            if (from >= 0 && spanFrom <= to) {
                to = Math.max(to, span.to());
                unreadable = Math.max(unreadable, spanUnreadable);
                continue;
            }
            if (from >= 0) {
                skips.add(new Skip(from, to, unreadable));
            }
            from = spanFrom;
            to = span.to();
            unreadable = spanUnreadable;
        }
        if (from >= 0) {
            skips.add(new Skip(from, to, unreadable));
        }
        return skips;
    }

    /** The span the coverage headers describe, ending at the snapshot's offset; null without them. */
    private static SnapshotCoverage.Span span(Headers headers, long to) {
        String from = header(headers, SnapshotRecords.COVERS_FROM_HEADER);
        String min = header(headers, SnapshotRecords.COVERS_MIN_EVENT_AT_HEADER);
        String unreadable = header(headers, SnapshotRecords.COVERS_LAST_UNREADABLE_HEADER);
        if (from == null || min == null || unreadable == null) {
            return null;
        }
        try {
            SnapshotCoverage.Span span = new SnapshotCoverage.Span(Long.parseLong(from), to,
                    min.isEmpty() ? null : Instant.parse(min), Long.parseLong(unreadable));
            return span.from() >= 0 && span.from() <= to && span.lastUnreadable() < to ? span : null;
        } catch (NumberFormatException | DateTimeParseException e) {
            return null;
        }
    }

    /** The candidate its headers describe; null when a header is missing (the body says it then). */
    private Candidate fromHeaders(int recordPartition, long recordOffset, Headers headers) {
        String topic = header(headers, TOPIC_HEADER);
        String partition = header(headers, PARTITION_HEADER);
        String nextOffset = header(headers, NEXT_OFFSET_HEADER);
        String lastEventAt = header(headers, LAST_EVENT_AT_HEADER);
        if (topic == null || partition == null || nextOffset == null || lastEventAt == null) {
            return null;
        }
        if (!topic.equals(agentEventTopic)) {
            // another topic's snapshot: not ours to read, and nothing to note (no partition is numbered -1)
            return new Candidate(recordPartition, recordOffset, -1, -1, null);
        }
        try {
            return new Candidate(recordPartition, recordOffset, Integer.parseInt(partition), Long.parseLong(nextOffset),
                    lastEventAt.isEmpty() ? null : Instant.parse(lastEventAt));
        } catch (NumberFormatException | DateTimeParseException e) {
            return null; // the body decides
        }
    }

    private static String header(Headers headers, String name) {
        Header header = headers == null ? null : headers.lastHeader(name);
        return header == null || header.value() == null ? null
                : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** The snapshot in the body, or null with a note; it must agree with the headers it was chosen by. */
    private PartitionSnapshot decode(int recordPartition, long recordOffset, byte[] body, Candidate expected) {
        String where = "snapshot record " + snapshotTopic + "-" + recordPartition + "@" + recordOffset;
        if (body == null || body.length == 0) {
            notes.add(where + " is empty: passed over");
            return null;
        }
        PartitionSnapshot snapshot;
        try {
            snapshot = ContractJson.mapper().readValue(body, PartitionSnapshot.class);
        } catch (JsonProcessingException e) {
            notes.add(where + " is unreadable (" + ContractJson.describe(e) + "): passed over");
            return null;
        } catch (IOException | RuntimeException e) {
            notes.add(where + " is unreadable (" + e + "): passed over");
            return null;
        }
        String fault = fault(snapshot, expected);
        if (fault != null) {
            notes.add(where + " " + fault + ": passed over");
            return null;
        }
        return snapshot;
    }

    private String fault(PartitionSnapshot s, Candidate expected) {
        if (s == null) {
            return "is empty";
        }
        if (s.schemaVersion() != PartitionSnapshot.SCHEMA_VERSION) {
            return "has schemaVersion " + s.schemaVersion() + " (this reader knows " + PartitionSnapshot.SCHEMA_VERSION
                    + ")";
        }
        // (the record's constructor refuses a null agent)
        if (s.topic() == null || s.partition() < 0 || s.nextOffset() < 0) {
            return "is incomplete (topic, partition or nextOffset missing)";
        }
        if (expected != null && (!agentEventTopic.equals(s.topic()) || s.partition() != expected.partition()
                || s.nextOffset() != expected.nextOffset()
                || !Objects.equals(s.lastEventAt(), expected.lastEventAt()))) {
            return "does not match its headers (" + s.topic() + "-" + s.partition() + " up to " + s.nextOffset()
                    + ", last event " + s.lastEventAt() + ")";
        }
        return null;
    }
}
