package dev.agentavailability.replay;

import dev.agentavailability.contract.Decoded;
import dev.agentavailability.contract.arm.ArmEvent;
import dev.agentavailability.contract.arm.ArmEventJson;
import dev.agentavailability.contract.config.ConfigEvent;
import dev.agentavailability.contract.config.ConfigEventJson;
import dev.agentavailability.kafka.KafkaClients;
import dev.agentavailability.projection.ConfigView;
import dev.agentavailability.projection.PartitionProjection;
import dev.agentavailability.projection.snapshot.PartitionSnapshot;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteBufferDeserializer;

/**
 * Rebuilds the router's projection from the topics, with the same code the router runs live
 * ({@link PartitionProjection} per agent-event partition, {@link ConfigView} for the config topic).
 *
 * <p>It reads with its own consumer: partitions are assigned and read from the beginning, there is no group id
 * and nothing is committed, so live consumers never notice it. Unreadable records are skipped as the router skips
 * them ({@code skip(offset)}: the offset moves past them, nothing else changes).
 *
 * <p>Two bounds:
 * <ul>
 *   <li>{@link #toInstant(Instant)}: every partition is read to its end offset taken when the replay starts, and
 *       only events whose {@code occurredAt} is at or before the instant are applied (records of a partition are
 *       in time order per agent, not across agents, so reading stops at the end, not at the first later event).
 *       A partition's {@code nextOffset} is then one past the last record applied or skipped.</li>
 *   <li>{@link #toOffsets(EndOffsets)}: every record below the given end offsets is applied, whatever its time;
 *       with the live end offsets this is the state a router that read the same records holds.</li>
 * </ul>
 *
 * <p>With {@link #withSnapshots(String)}, both start each partition from the newest usable snapshot on the
 * snapshot topic instead of its beginning ({@link SnapshotScan}): for an instant, the newest whose
 * {@code lastEventAt} is at or before it (nothing in it occurred later, so applying the later records of the
 * instant and before gives what reading them all gives); for offsets, the newest whose {@code nextOffset} is at or
 * below the end. For an instant, it also passes over the spans of records that the snapshots' headers say all
 * occurred after it ({@link SnapshotCoverage}; records appended later with old times, as import-log writes them,
 * are in spans that are read), so a replay to an instant in the middle of a long topic reads about one interval
 * per partition. The result is the same as without snapshots; {@link ReplayState#snapshotOffsets()} says where
 * each partition started and {@link ReplayState#recordsRead()} how many records were read. A missing snapshot
 * topic means no snapshots, an unreadable snapshot is passed over with a note ({@link ReplayState#notes()}). The
 * config topic is always read whole. {@link #replayEvents} reads from the beginning: it reports every event.
 *
 * <p>The agent-event partitions are shared out between readers that run at once ({@link #READERS_PROPERTY}), each
 * with a consumer of its own (no group either): a partition's records are decoded and applied in offset order by
 * the one reader that reads it.
 */
public final class TopicReplay {

    /**
     * System property: how many readers read the agent-event partitions at once, each with its own consumer, and
     * decode and apply what they read (default: one per processor, at most one per partition).
     */
    public static final String READERS_PROPERTY = "availability.replay.readers";

    /**
     * How many readers read a topic of this many partitions at once: {@value #READERS_PROPERTY}, else one per
     * processor, at most one per partition. Partition k goes to reader k modulo this.
     */
    public static int readers(int partitions) {
        return Math.max(1, Math.min(partitions, Integer.getInteger(READERS_PROPERTY,
                Runtime.getRuntime().availableProcessors())));
    }

    /** How long reading may take before the replay gives up (a broker that does not answer, a stuck read). */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    /**
     * What every replay consumer sets beyond a plain reader's settings; {@code bin/benchmark} gives its raw consumers
     * the same. A replay reads records that are there: a fetch that finds a partition at its end must not wait for
     * new ones (the default 500 ms held up every read by half a second), and larger fetches mean fewer round trips.
     */
    public static final Map<String, Object> READ_SETTINGS = Map.of(
            ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10,
            ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 4 * 1024 * 1024,
            ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);

    private final ReplayReads reads;
    private final String agentEventTopic;
    private final String configTopic;
    private final Duration timeout;
    /** The snapshot topic, or null to read every partition from its beginning. */
    private final String snapshotTopic;

    /** A replay that reads every partition from its beginning (see {@link #withSnapshots(String)}). */
    public TopicReplay(KafkaClients kafka, String agentEventTopic, String configTopic, Duration timeout) {
        this(kafka, agentEventTopic, configTopic, timeout, null);
    }

    private TopicReplay(KafkaClients kafka, String agentEventTopic, String configTopic, Duration timeout,
            String snapshotTopic) {
        this.reads = new ReplayReads(Objects.requireNonNull(kafka, "kafka"), Objects.requireNonNull(timeout,
                "timeout"));
        this.agentEventTopic = Objects.requireNonNull(agentEventTopic, "agentEventTopic");
        this.configTopic = Objects.requireNonNull(configTopic, "configTopic");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.snapshotTopic = snapshotTopic;
    }

    /**
     * The same replay starting each partition from the newest usable snapshot on {@code topic} (null: from the
     * beginning, as the public constructor does).
     */
    public TopicReplay withSnapshots(String topic) {
        return new TopicReplay(reads.kafka(), agentEventTopic, configTopic, timeout,
                topic == null || topic.isBlank() ? null : topic);
    }

    /** The snapshot topic this replay starts from, if any. */
    public java.util.Optional<String> snapshotTopic() {
        return java.util.Optional.ofNullable(snapshotTopic);
    }

    /** End offsets by partition number of the agent-event topic and of the config topic. */
    public record EndOffsets(Map<Integer, Long> agentEvents, Map<Integer, Long> config) {
    }

    /** Fails when a topic is missing or the broker does not answer in time. */
    public static final class ReplayException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public ReplayException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The end offsets of both topics now. */
    public EndOffsets endOffsets() {
        try (KafkaConsumer<String, String> consumer = reads.consumer()) {
            return new EndOffsets(reads.ends(consumer, reads.partitions(consumer, agentEventTopic)),
                    reads.ends(consumer, reads.partitions(consumer, configTopic)));
        } catch (org.apache.kafka.common.KafkaException e) {
            throw reads.failure(e);
        }
    }

    /** The state as of {@code at}: events (and config changes) that occurred at or before it. */
    public ReplayState toInstant(Instant at) {
        Objects.requireNonNull(at, "at");
        return replay(null, null, at);
    }

    /**
     * The state after every record below the given end offsets (a partition missing from the map is read to
     * its current end; the config topic is read to its current end).
     */
    public ReplayState toOffsets(Map<Integer, Long> agentEventEnds) {
        return replay(agentEventEnds, null, null);
    }

    /** {@link #toOffsets(Map)} with the config topic read up to {@code ends.config()} too. */
    public ReplayState toOffsets(EndOffsets ends) {
        return replay(ends.agentEvents(), ends.config(), null);
    }

    /** One agent-event record applied by {@link #replayEvents}, with the projection right after it. */
    public record Step(ArmEvent event, int partition, long offset, PartitionProjection.Outcome outcome,
            PartitionProjection projection, Map<Integer, PartitionProjection> partitions, ConfigView config) {
    }

    /** Told of each record {@link #replayEvents} applies, in event-time order. */
    public interface StepListener {
        /** An agent event was applied (or refused, or a domain status changed); the state is the one after it. */
        void applied(Step step);

        /** A config change was applied; {@code config} is the reference data after it. */
        default void configChanged(ConfigEvent event, long offset, ConfigView config) {
        }

        /** Called before each record is applied, with its time: the state handed over is still the one before it. */
        default void beforeApplying(Instant at) {
        }
    }

    /**
     * Replays every event that occurred at or before {@code to}, event by event in event-time order ({@link
     * StepReplay}), telling the listener of each one with the state after it.
     */
    public ReplayState replayEvents(Instant to, StepListener listener) {
        return new StepReplay(reads, agentEventTopic, configTopic).replay(to, listener);
    }


    private ReplayState replay(Map<Integer, Long> agentEnds, Map<Integer, Long> configEnds, Instant at) {
        try (KafkaConsumer<byte[], byte[]> consumer = reads.consumer(new ByteArrayDeserializer())) {
            List<TopicPartition> agentPartitions = reads.partitions(consumer, agentEventTopic);
            List<TopicPartition> configPartitions = reads.partitions(consumer, configTopic);
            Map<TopicPartition, Long> ends = new HashMap<>(reads.ends(consumer, agentPartitions, agentEnds));
            ends.putAll(reads.ends(consumer, configPartitions, configEnds));

            List<String> notes = new ArrayList<>();
            SnapshotScan scan = scanSnapshots(consumer, agentPartitions, ends, at, notes);
            Map<Integer, PartitionSnapshot> snapshots = scan == null ? Map.of() : scan.choose(fetcher(consumer));
            Map<Integer, PartitionProjection> projections = new TreeMap<>();
            Map<TopicPartition, Long> starts = new HashMap<>();
            Map<Integer, Long> snapshotOffsets = new TreeMap<>();
            for (TopicPartition tp : agentPartitions) {
                PartitionSnapshot snapshot = snapshots.get(tp.partition());
                if (snapshot == null) {
                    projections.put(tp.partition(), new PartitionProjection(tp.partition()));
                    continue;
                }
                projections.put(tp.partition(), snapshot.toProjection());
                starts.put(tp, snapshot.nextOffset());
                snapshotOffsets.put(tp.partition(), snapshot.nextOffset());
            }
            ConfigView config = new ConfigView();
            Map<TopicPartition, List<SnapshotScan.Skip>> skips = scan == null || at == null ? Map.of()
                    : skips(consumer, scan, agentPartitions, starts, ends, at);

            // Readers: the agent-event partitions are shared out between readers that run at once, each on a thread
            // of its own with a consumer of its own that hands over views of the fetched values (no copies); each
            // decodes and applies what it reads (a partition's records in offset order, a skip between the records
            // around it) and keeps its own counts. This thread reads the config topic meanwhile. The state is read
            // once all have finished.
            int lanes = readers(agentPartitions.size());
            List<List<TopicPartition>> shares = new ArrayList<>();
            for (int lane = 0; lane < lanes; lane++) {
                shares.add(new ArrayList<>());
            }
            for (int k = 0; k < agentPartitions.size(); k++) {
                shares.get(k % lanes).add(agentPartitions.get(k));
            }
            Lane[] done = new Lane[lanes];
            ReaderThreads readers = new ReaderThreads(consumer, () -> reads.reader(new ByteBufferDeserializer()));
            readers.run(shares, (lane, reader, partitions) -> {
                // copies made on the reader's own thread: what it writes on every record (a partition's offset and
                // latest time, its count) then lies in memory of its own, not in a cache line another reader writes too
                Lane own = new Lane(partitions, projections);
                reads.read(reader, partitions, starts, ends, skips, (tp, skip) -> {
                    if (skip.lastUnreadable() >= 0) {
                        own.projections.get(tp.partition()).skip(skip.lastUnreadable());
                    }
                }, (tp, records) -> {
                    PartitionProjection projection = own.projections.get(tp.partition());
                    own.read += records.size();
                    for (ConsumerRecord<ByteBuffer, ByteBuffer> record : records) {
                        // decoded right before it is applied, so the event is still in cache then (decoding in poll
                        // made a whole batch of events first, which applying then found evicted)
                        Decoded<ArmEvent> event = ArmEventJson.read(record.value());
                        if (!event.isValid()) {
                            projection.skip(record.offset());
                        } else if (at == null || !event.value().occurredAt().isAfter(at)) {
                            projection.apply(event.value(), record.offset());
                        }
                    }
                });
                done[lane] = own;
            }, () -> reads.read(consumer, configPartitions, starts, ends, (tp, records) -> {
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    Decoded<ConfigEvent> decoded = ConfigEventJson.read(text(record.value()));
                    if (!decoded.isValid()) {
                        config.skip(record.offset());
                    } else if (at == null || !decoded.value().occurredAt().isAfter(at)) {
                        config.apply(decoded.value(), record.offset());
                    }
                }
            }));
            long recordsRead = 0;
            for (Lane lane : done) {
                projections.putAll(lane.projections);
                recordsRead += lane.read;
            }
            Instant latest = Instant.EPOCH;
            for (PartitionProjection projection : projections.values()) {
                // the latest event applied, or in a snapshot started from
                if (projection.lastEventAt() != null && projection.lastEventAt().isAfter(latest)) {
                    latest = projection.lastEventAt();
                }
            }
            return new ReplayState(projections, config, at != null ? at : latest, snapshotOffsets, notes,
                    recordsRead);
        } catch (org.apache.kafka.common.KafkaException e) {
            throw reads.failure(e);
        }
    }

    /** What one reader works on: its partitions' projections and how many records it read. */
    private static final class Lane {
        private final Map<Integer, PartitionProjection> projections = new HashMap<>();
        private long read;

        Lane(List<TopicPartition> partitions, Map<Integer, PartitionProjection> from) {
            for (TopicPartition tp : partitions) {
                projections.put(tp.partition(), from.get(tp.partition()).copy());
            }
        }
    }

    private static String text(byte[] utf8) {
        return utf8 == null ? null : new String(utf8, java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * The snapshot topic read for the snapshots each agent-event partition may start from and the spans of records
     * they cover; null without a snapshot topic, or when the topic does not exist.
     */
    private SnapshotScan scanSnapshots(KafkaConsumer<byte[], byte[]> consumer,
            List<TopicPartition> agentPartitions, Map<TopicPartition, Long> ends, Instant at, List<String> notes) {
        if (snapshotTopic == null) {
            return null;
        }
        List<PartitionInfo> infos;
        try {
            infos = consumer.partitionsFor(snapshotTopic, timeout);
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            throw new ReplayException("Kafka at " + reads.kafka().bootstrapServers() + " did not answer within "
                    + timeout, e);
        }
        if (infos == null || infos.isEmpty()) {
            notes.add("snapshot topic " + snapshotTopic
                    + " does not exist: every partition was read from its beginning");
            return null;
        }
        List<TopicPartition> snapshotPartitions = new ArrayList<>();
        for (PartitionInfo info : infos) {
            snapshotPartitions.add(new TopicPartition(snapshotTopic, info.partition()));
        }
        Map<Integer, Long> agentEnds = new TreeMap<>();
        for (TopicPartition tp : agentPartitions) {
            agentEnds.put(tp.partition(), ends.get(tp));
        }
        SnapshotScan scan = new SnapshotScan(snapshotTopic, agentEventTopic, agentEnds, at, notes);
        Map<TopicPartition, Long> snapshotEnds = reads.ends(consumer, snapshotPartitions, null);
        reads.read(consumer, snapshotPartitions, Map.of(), snapshotEnds, (tp, records) -> {
            for (ConsumerRecord<byte[], byte[]> record : records) {
                scan.accept(record.partition(), record.offset(), record.headers(), record.value());
            }
        });
        return scan;
    }

    /** Reads the body of one snapshot record again (when the best one turned out unreadable). */
    private SnapshotScan.Fetch fetcher(KafkaConsumer<byte[], byte[]> consumer) {
        return (partition, offset) -> {
            TopicPartition tp = new TopicPartition(snapshotTopic, partition);
            byte[][] body = {null};
            reads.read(consumer, List.of(tp), Map.of(tp, offset), Map.of(tp, offset + 1), Map.of(), (p, skip) -> {
            }, (p, records) -> {
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    if (record.offset() == offset) {
                        body[0] = record.value();
                    }
                }
            });
            return body[0];
        };
    }

    /** For a replay to {@code at}: the spans of each partition the snapshots say hold only later events. */
    private Map<TopicPartition, List<SnapshotScan.Skip>> skips(KafkaConsumer<byte[], byte[]> consumer,
            SnapshotScan scan, List<TopicPartition> agentPartitions, Map<TopicPartition, Long> starts,
            Map<TopicPartition, Long> ends, Instant at) {
        List<TopicPartition> fromBeginning = agentPartitions.stream().filter(tp -> !starts.containsKey(tp)).toList();
        Map<TopicPartition, Long> beginnings = fromBeginning.isEmpty() ? Map.of()
                : consumer.beginningOffsets(fromBeginning, timeout);
        Map<TopicPartition, List<SnapshotScan.Skip>> skips = new HashMap<>();
        for (TopicPartition tp : agentPartitions) {
            long start = starts.containsKey(tp) ? starts.get(tp) : beginnings.get(tp);
            List<SnapshotScan.Skip> partitionSkips = scan.skips(tp.partition(), start, ends.get(tp), at);
            if (!partitionSkips.isEmpty()) {
                skips.put(tp, partitionSkips);
            }
        }
        return skips;
    }

}
