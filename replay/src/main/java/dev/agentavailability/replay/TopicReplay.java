package dev.agentavailability.replay;

import dev.agentavailability.contract.Decoded;
import dev.agentavailability.contract.arm.ArmEvent;
import dev.agentavailability.contract.arm.ArmEventJson;
import dev.agentavailability.contract.config.ConfigEvent;
import dev.agentavailability.contract.config.ConfigEventJson;
import dev.agentavailability.projection.AgentState;
import dev.agentavailability.projection.ConfigView;
import dev.agentavailability.projection.PartitionProjection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

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
 */
public final class TopicReplay {

    /** How long reading may take before the replay gives up (a broker that does not answer, a stuck read). */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    private final String bootstrapServers;
    private final String agentEventTopic;
    private final String configTopic;
    private final Duration timeout;

    public TopicReplay(String bootstrapServers, String agentEventTopic, String configTopic, Duration timeout) {
        this.bootstrapServers = Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        this.agentEventTopic = Objects.requireNonNull(agentEventTopic, "agentEventTopic");
        this.configTopic = Objects.requireNonNull(configTopic, "configTopic");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
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
        try (KafkaConsumer<String, String> consumer = consumer()) {
            return new EndOffsets(ends(consumer, partitions(consumer, agentEventTopic)),
                    ends(consumer, partitions(consumer, configTopic)));
        } catch (org.apache.kafka.common.KafkaException e) {
            throw failure(e);
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
     * Replays every event that occurred at or before {@code to}, event by event in event-time order, merged
     * across partitions (ties by partition, then offset; a config change before an agent event of the same
     * time), telling the listener of each one with the state after it. Each agent's events are applied in the
     * same order as {@link #toInstant(Instant)} (a partition holds an agent's events in time order), so the
     * final state is the same. The partitions and config handed to the listener are live: copy what you keep.
     */
    public ReplayState replayEvents(Instant to, StepListener listener) {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(listener, "listener");
        record Pending(Instant at, int kind, int partition, long offset, ArmEvent arm, ConfigEvent config) {
        }
        List<Pending> pending = new ArrayList<>();
        Map<Integer, Long> skippedEnds = new HashMap<>();
        long[] configSkippedEnd = {-1};
        List<TopicPartition> agentPartitions;
        try (KafkaConsumer<String, String> consumer = consumer()) {
            agentPartitions = partitions(consumer, agentEventTopic);
            List<TopicPartition> configPartitions = partitions(consumer, configTopic);
            Map<TopicPartition, Long> ends = new HashMap<>(ends(consumer, agentPartitions, null));
            ends.putAll(ends(consumer, configPartitions, null));
            List<TopicPartition> all = new ArrayList<>(agentPartitions);
            all.addAll(configPartitions);
            read(consumer, all, ends, record -> {
                if (record.topic().equals(agentEventTopic)) {
                    Decoded<ArmEvent> decoded = ArmEventJson.read(record.value());
                    if (!decoded.isValid()) {
                        skippedEnds.merge(record.partition(), record.offset(), Math::max);
                    } else if (!decoded.value().occurredAt().isAfter(to)) {
                        pending.add(new Pending(decoded.value().occurredAt(), 1, record.partition(), record.offset(),
                                decoded.value(), null));
                    }
                } else {
                    Decoded<ConfigEvent> decoded = ConfigEventJson.read(record.value());
                    if (!decoded.isValid()) {
                        configSkippedEnd[0] = Math.max(configSkippedEnd[0], record.offset());
                    } else if (!decoded.value().occurredAt().isAfter(to)) {
                        pending.add(new Pending(decoded.value().occurredAt(), 0, record.partition(), record.offset(),
                                null, decoded.value()));
                    }
                }
            });
        } catch (org.apache.kafka.common.KafkaException e) {
            throw failure(e);
        }
        pending.sort(java.util.Comparator.comparing(Pending::at).thenComparingInt(Pending::kind)
                .thenComparingInt(Pending::partition).thenComparingLong(Pending::offset));

        Map<Integer, PartitionProjection> projections = new TreeMap<>();
        for (TopicPartition tp : agentPartitions) {
            projections.put(tp.partition(), new PartitionProjection(tp.partition()));
        }
        Map<Integer, PartitionProjection> view = java.util.Collections.unmodifiableMap(projections);
        Map<Integer, Long> highest = new HashMap<>();
        ConfigView config = new ConfigView();
        for (Pending next : pending) {
            if (next.config() != null) {
                listener.beforeApplying(next.at());
                config.apply(next.config(), next.offset());
                listener.configChanged(next.config(), next.offset(), config);
                continue;
            }
            PartitionProjection projection = projections.get(next.partition());
            if (next.offset() < projection.nextOffset()) {
                // event-time order is not offset order across agents: let the projection take this record
                projection = new PartitionProjection(projection.partition(), next.offset(), agentsOf(projection),
                        projection.unavailableDomains(), projection.anomalies(), projection.lastEventAt());
                projections.put(next.partition(), projection);
            }
            listener.beforeApplying(next.at());
            PartitionProjection.Outcome outcome = projection.apply(next.arm(), next.offset());
            highest.merge(next.partition(), next.offset(), Math::max);
            listener.applied(new Step(next.arm(), next.partition(), next.offset(), outcome, projection, view, config));
        }
        // leave each partition's offset one past the last record read, as toInstant does
        for (Map.Entry<Integer, PartitionProjection> entry : projections.entrySet()) {
            PartitionProjection p = entry.getValue();
            long last = Math.max(highest.getOrDefault(entry.getKey(), -1L), skippedEnds.getOrDefault(entry.getKey(), -1L));
            if (last + 1 != p.nextOffset()) {
                entry.setValue(new PartitionProjection(p.partition(), Math.max(last + 1, 0), agentsOf(p),
                        p.unavailableDomains(), p.anomalies(), p.lastEventAt()));
            }
        }
        if (configSkippedEnd[0] >= 0) {
            config.skip(configSkippedEnd[0]);
        }
        return new ReplayState(projections, config, to);
    }

    private static java.util.SortedMap<Integer, AgentState> agentsOf(PartitionProjection projection) {
        java.util.SortedMap<Integer, AgentState> agents = new TreeMap<>();
        for (AgentState agent : projection.agents()) {
            agents.put(agent.icmAgentId(), agent);
        }
        return agents;
    }

    private ReplayState replay(Map<Integer, Long> agentEnds, Map<Integer, Long> configEnds, Instant at) {
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<TopicPartition> agentPartitions = partitions(consumer, agentEventTopic);
            List<TopicPartition> configPartitions = partitions(consumer, configTopic);
            Map<TopicPartition, Long> ends = new HashMap<>(ends(consumer, agentPartitions, agentEnds));
            ends.putAll(ends(consumer, configPartitions, configEnds));

            Map<Integer, PartitionProjection> projections = new TreeMap<>();
            for (TopicPartition tp : agentPartitions) {
                projections.put(tp.partition(), new PartitionProjection(tp.partition()));
            }
            ConfigView config = new ConfigView();
            Instant[] latest = {Instant.EPOCH};

            List<TopicPartition> all = new ArrayList<>(agentPartitions);
            all.addAll(configPartitions);
            read(consumer, all, ends, record -> {
                if (record.topic().equals(agentEventTopic)) {
                    PartitionProjection projection = projections.get(record.partition());
                    Decoded<ArmEvent> decoded = ArmEventJson.read(record.value());
                    if (!decoded.isValid()) {
                        projection.skip(record.offset());
                    } else if (at == null || !decoded.value().occurredAt().isAfter(at)) {
                        projection.apply(decoded.value(), record.offset());
                        if (decoded.value().occurredAt().isAfter(latest[0])) {
                            latest[0] = decoded.value().occurredAt();
                        }
                    }
                } else {
                    Decoded<ConfigEvent> decoded = ConfigEventJson.read(record.value());
                    if (!decoded.isValid()) {
                        config.skip(record.offset());
                    } else if (at == null || !decoded.value().occurredAt().isAfter(at)) {
                        config.apply(decoded.value(), record.offset());
                    }
                }
            });
            return new ReplayState(projections, config, at != null ? at : latest[0]);
        } catch (org.apache.kafka.common.KafkaException e) {
            throw failure(e);
        }
    }

    /** Reads every partition from its beginning up to (not including) its end offset, in offset order. */
    private void read(KafkaConsumer<String, String> consumer, List<TopicPartition> partitions,
            Map<TopicPartition, Long> ends, Consumer<ConsumerRecord<String, String>> handler) {
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Set<TopicPartition> pending = new HashSet<>();
        List<TopicPartition> done = new ArrayList<>();
        for (TopicPartition tp : partitions) {
            if (consumer.position(tp, timeout) < ends.get(tp)) {
                pending.add(tp);
            } else {
                done.add(tp);
            }
        }
        consumer.pause(done);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!pending.isEmpty()) {
            if (System.nanoTime() - deadline > 0) {
                throw new ReplayException("reading " + pending + " up to " + ends + " took longer than " + timeout,
                        null);
            }
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                TopicPartition tp = new TopicPartition(record.topic(), record.partition());
                if (pending.contains(tp) && record.offset() < ends.get(tp)) {
                    handler.accept(record);
                }
            }
            List<TopicPartition> finished = new ArrayList<>();
            for (TopicPartition tp : pending) {
                if (consumer.position(tp, timeout) >= ends.get(tp)) {
                    finished.add(tp);
                }
            }
            finished.forEach(pending::remove);
            consumer.pause(finished);
        }
    }

    private List<TopicPartition> partitions(KafkaConsumer<String, String> consumer, String topic) {
        List<PartitionInfo> infos;
        try {
            infos = consumer.partitionsFor(topic, timeout);
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            throw new ReplayException("Kafka at " + bootstrapServers + " did not answer within " + timeout, e);
        }
        if (infos == null || infos.isEmpty()) {
            throw new ReplayException("topic " + topic + " does not exist at " + bootstrapServers, null);
        }
        List<TopicPartition> partitions = new ArrayList<>();
        for (PartitionInfo info : infos) {
            partitions.add(new TopicPartition(topic, info.partition()));
        }
        partitions.sort((a, b) -> Integer.compare(a.partition(), b.partition()));
        return partitions;
    }

    private Map<Integer, Long> ends(KafkaConsumer<String, String> consumer, List<TopicPartition> partitions) {
        Map<Integer, Long> byNumber = new TreeMap<>();
        consumer.endOffsets(partitions, timeout).forEach((tp, end) -> byNumber.put(tp.partition(), end));
        return byNumber;
    }

    /** The given end offsets by partition, the current end for any partition not given. */
    private Map<TopicPartition, Long> ends(KafkaConsumer<String, String> consumer, List<TopicPartition> partitions,
            Map<Integer, Long> given) {
        Map<TopicPartition, Long> current = consumer.endOffsets(partitions, timeout);
        Map<TopicPartition, Long> ends = new HashMap<>();
        for (TopicPartition tp : partitions) {
            Long chosen = given == null ? null : given.get(tp.partition());
            ends.put(tp, chosen != null ? chosen : current.get(tp));
        }
        return ends;
    }

    private KafkaConsumer<String, String> consumer() {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "topic-replay");
        // no group id: assign + seek only, nothing is committed, live consumers never see this one
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        config.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(timeout.toMillis(), 30_000));
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }

    private ReplayException failure(org.apache.kafka.common.KafkaException e) {
        if (e instanceof WakeupException) {
            return new ReplayException("replay interrupted", e);
        }
        return new ReplayException("reading from Kafka at " + bootstrapServers + " failed: " + e.getMessage(), e);
    }
}
