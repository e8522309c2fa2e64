package dev.agentavailability.replay;

import dev.agentavailability.contract.Decoded;
import dev.agentavailability.contract.arm.ArmEvent;
import dev.agentavailability.contract.arm.ArmEventJson;
import dev.agentavailability.contract.config.ConfigEvent;
import dev.agentavailability.contract.config.ConfigEventJson;
import dev.agentavailability.projection.AgentState;
import dev.agentavailability.projection.ConfigView;
import dev.agentavailability.projection.PartitionProjection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/** {@link TopicReplay#replayEvents}: the topics read whole, then every event applied in event-time order. */
final class StepReplay {

    private final ReplayReads reads;
    private final String agentEventTopic;
    private final String configTopic;

    StepReplay(ReplayReads reads, String agentEventTopic, String configTopic) {
        this.reads = reads;
        this.agentEventTopic = agentEventTopic;
        this.configTopic = configTopic;
    }

    /**
     * Replays every event that occurred at or before {@code to}, event by event in event-time order, merged
     * across partitions (ties by partition, then offset; a config change before an agent event of the same
     * time), telling the listener of each one with the state after it. Each agent's events are applied in the
     * same order as {@link #toInstant(Instant)} (a partition holds an agent's events in time order), so the
     * final state is the same. The partitions and config handed to the listener are live: copy what you keep.
     */
    ReplayState replay(Instant to, TopicReplay.StepListener listener) {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(listener, "listener");
        record Pending(Instant at, int kind, int partition, long offset, ArmEvent arm, ConfigEvent config) {
        }
        List<Pending> pending = new ArrayList<>();
        Map<Integer, Long> skippedEnds = new HashMap<>();
        long[] configSkippedEnd = {-1};
        List<TopicPartition> agentPartitions;
        try (KafkaConsumer<String, String> consumer = reads.consumer()) {
            agentPartitions = reads.partitions(consumer, agentEventTopic);
            List<TopicPartition> configPartitions = reads.partitions(consumer, configTopic);
            Map<TopicPartition, Long> ends = new HashMap<>(reads.ends(consumer, agentPartitions, null));
            ends.putAll(reads.ends(consumer, configPartitions, null));
            List<TopicPartition> all = new ArrayList<>(agentPartitions);
            all.addAll(configPartitions);
            reads.read(consumer, all, ends, record -> {
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
            throw reads.failure(e);
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
            listener.applied(new TopicReplay.Step(next.arm(), next.partition(), next.offset(), outcome, projection, view, config));
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
}
