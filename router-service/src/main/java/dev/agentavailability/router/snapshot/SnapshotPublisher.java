package dev.agentavailability.router.snapshot;

import dev.agentavailability.contract.arm.ArmEventJson;
import dev.agentavailability.contract.topic.TopicSpec;
import dev.agentavailability.contract.topic.Topics;
import dev.agentavailability.kafka.KafkaClients;
import dev.agentavailability.kafka.TopicAdmin;
import dev.agentavailability.projection.PartitionProjection;
import dev.agentavailability.projection.snapshot.PartitionSnapshot;
import dev.agentavailability.replay.SnapshotCoverage;
import dev.agentavailability.router.projection.PartitionsApplied;
import dev.agentavailability.replay.SnapshotPolicy;
import dev.agentavailability.replay.SnapshotRecords;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Writes a partition's projection to the snapshot topic when a stored batch crosses a multiple of
 * {@code availability.snapshots.every-records} ({@link SnapshotPolicy}), so that a replay to an instant starts from
 * the newest snapshot before it instead of the partition's beginning.
 *
 * <p>Called by the agent-event consumer right after the database committed a batch, with the state stored: only
 * the instance whose write won the checkpoint takes the snapshot, once. It also notes, batch after batch, the
 * earliest event time and the last unreadable record since the previous snapshot ({@link SnapshotCoverage}), which
 * the snapshot carries in headers so that a replay to an earlier instant passes over these records unread; after a
 * restart the span starts at the first batch stored. The snapshot's content is taken on the
 * caller's thread (an immutable copy); it is serialized and sent on a thread of its own, so the projection never
 * waits for it. A snapshot is only an accelerator: one that cannot be sent is logged and counted
 * ({@code availability_projection_snapshots_total{outcome="failed|dropped"}}), and the next crossing writes another.
 *
 * <p>Records as {@link SnapshotRecords} describes them (key = the partition number, value = {@link PartitionSnapshot}
 * as {@code ContractJson} writes it, headers a replay chooses by without parsing the value). Producer:
 * {@code acks=all}, idempotent, zstd, records up to 16 MiB as the topic allows.
 */
@ApplicationScoped
public class SnapshotPublisher {

    /** The largest snapshot record, as {@code max.message.bytes} of the snapshot topic ({@link Topics}). */
    public static final int MAX_RECORD_BYTES = 16 * 1024 * 1024;

    private static final Logger LOG = Logger.getLogger(SnapshotPublisher.class);
    /** Snapshots waiting to be sent; beyond that (Kafka away for long) new ones are dropped, not queued. */
    private static final int QUEUE = 8;

    private final SnapshotPolicy policy;
    private final String topic;
    private final KafkaClients kafka;
    private final Clock clock;
    private final Counter sent;
    private final Counter failed;
    private final Counter dropped;
    private final ThreadPoolExecutor sender = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(QUEUE), runnable -> {
                Thread thread = new Thread(runnable, "projection-snapshots");
                thread.setDaemon(true);
                return thread;
            });
    private KafkaProducer<String, byte[]> producer;
    /** What the records since the last snapshot hold, by agent-event topic and partition (consumer thread only). */
    private final Map<String, SnapshotCoverage> coverages = new HashMap<>();

    public SnapshotPublisher(@ConfigProperty(name = "availability.snapshots.every-records", defaultValue = "100000")
            long everyRecords,
            @ConfigProperty(name = "availability.topics.projection-snapshots",
                    defaultValue = Topics.PROJECTION_SNAPSHOTS) String topic,
            KafkaClients kafka, MeterRegistry meters) {
        this.policy = new SnapshotPolicy(everyRecords);
        this.topic = topic;
        this.kafka = kafka;
        this.clock = Clock.systemUTC();
        this.sent = counter(meters, "sent");
        this.failed = counter(meters, "failed");
        this.dropped = counter(meters, "dropped");
    }

    private static Counter counter(MeterRegistry meters, String outcome) {
        return Counter.builder("availability.projection.snapshots")
                .description("partition snapshots written to the snapshot topic, by outcome").tag("outcome", outcome)
                .register(meters);
    }

    /**
     * Creates the snapshot topic under its configured name if it is missing (TopicSetup creates the catalogue's
     * default names only), after TopicSetup.
     */
    void createTopic(@Observes @Priority(2) StartupEvent start) {
        if (!policy.enabled() || topic.equals(Topics.PROJECTION_SNAPSHOTS)) {
            return;
        }
        TopicSpec spec = Topics.all(1).stream().filter(s -> s.name().equals(Topics.PROJECTION_SNAPSHOTS)).findFirst()
                .orElseThrow();
        TopicAdmin.ensure(kafka, List.of(new TopicSpec(topic, spec.partitions(), spec.configs())));
    }

    public SnapshotPolicy policy() {
        return policy;
    }

    /** A batch is stored: each partition's share counts towards its next snapshot. */
    void onApplied(@Observes @Priority(PartitionsApplied.SNAPSHOTS) PartitionsApplied applied) {
        applied.stored().forEach(s -> saved(s.topic(), s.fromOffset(), s.state(), s.records()));
    }

    /**
     * A batch of {@code agentEventTopic}'s partition was stored, moving it from {@code fromOffset} to
     * {@code stored.nextOffset()}, with {@code records} (those below {@code fromOffset} were applied before):
     * notes what the records hold for the next snapshot's coverage, and writes a snapshot of {@code stored} if the
     * batch crossed a multiple. Called on the consumer's thread, batch after batch. Never throws.
     */
    public void saved(String agentEventTopic, long fromOffset, PartitionProjection stored,
            List<ConsumerRecord<String, String>> records) {
        if (!policy.enabled()) {
            return;
        }
        SnapshotCoverage.Span covered;
        PartitionSnapshot snapshot;
        String key = agentEventTopic + "-" + stored.partition();
        try {
            SnapshotCoverage coverage = coverages.computeIfAbsent(key, k -> new SnapshotCoverage());
            try {
                coverage.batch(fromOffset, stored.nextOffset());
                for (ConsumerRecord<String, String> record : records == null
                        ? List.<ConsumerRecord<String, String>>of() : records) {
                    if (record.offset() >= fromOffset && record.offset() < stored.nextOffset()) {
                        coverage.record(record.offset(), ArmEventJson.read(record.value()));
                    }
                }
            } catch (RuntimeException e) {
                // a span must not claim records it did not note: the next batch starts a new one
                coverages.remove(key);
                throw e;
            }
            if (!policy.crosses(fromOffset, stored.nextOffset())) {
                return;
            }
            covered = coverage.take();
            snapshot = PartitionSnapshot.of(agentEventTopic, stored, clock.instant());
            sender.execute(() -> send(snapshot, covered));
        } catch (RejectedExecutionException e) {
            dropped.increment();
            LOG.warnf("snapshot of %s-%d at offset %d dropped: %d snapshots are still waiting to be sent",
                    agentEventTopic, stored.partition(), stored.nextOffset(), QUEUE);
        } catch (RuntimeException e) {
            failed.increment();
            LOG.warnf(e, "snapshot of %s-%d at offset %d not taken", agentEventTopic, stored.partition(),
                    stored.nextOffset());
        }
    }

    private void send(PartitionSnapshot snapshot, SnapshotCoverage.Span covered) {
        String what = snapshot.topic() + "-" + snapshot.partition() + " at offset " + snapshot.nextOffset();
        try {
            byte[] value = SnapshotRecords.value(snapshot);
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, null, snapshot.key(), value,
                    SnapshotRecords.headers(snapshot, covered));
            producer().send(record, (metadata, e) -> {
                if (e == null) {
                    sent.increment();
                    LOG.debugf("snapshot of %s (%d agents, %d bytes) written to %s@%d", what,
                            snapshot.agents().size(), value.length, topic, metadata.offset());
                } else {
                    failed.increment();
                    LOG.warnf("snapshot of %s (%d bytes) not written to %s: %s; the next one is due %d records on",
                            what, value.length, topic, e.toString(), policy.everyRecords());
                }
            });
        } catch (RuntimeException e) {
            failed.increment();
            LOG.warnf(e, "snapshot of %s not written to %s", what, topic);
        }
    }

    private synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            producer = kafka.producer("router-snapshots", Map.of(
                    ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd",
                    ProducerConfig.MAX_REQUEST_SIZE_CONFIG, MAX_RECORD_BYTES,
                    ProducerConfig.BUFFER_MEMORY_CONFIG, 4L * MAX_RECORD_BYTES,
                    // send() waits this long at most for metadata or buffer space, on the snapshot thread only
                    ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000), new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    @PreDestroy
    void close() {
        sender.shutdown();
        try {
            sender.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            if (producer != null) {
                producer.close(Duration.ofSeconds(10));
            }
        }
    }
}
