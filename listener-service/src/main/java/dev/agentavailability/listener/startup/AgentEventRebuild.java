package dev.agentavailability.listener.startup;

import dev.agentavailability.contract.Decoded;
import dev.agentavailability.contract.arm.ArmEvent;
import dev.agentavailability.contract.arm.ArmEventJson;
import dev.agentavailability.projection.AgentState;
import dev.agentavailability.projection.PartitionProjection;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * Rebuilds every agent's state from the agent-event topic, from the beginning to the end offsets seen when
 * the rebuild starts, with the same rules as the router's projection (check, then apply). The listener is
 * the single writer of this topic (one listener per application path, as one ECE listener process is), and
 * it takes no action before the rebuild is done, so those end offsets are the whole story.
 */
final class AgentEventRebuild {

    private static final Logger LOG = Logger.getLogger(AgentEventRebuild.class);
    /** Unreadable records logged one by one; beyond that only counted (the router dead-letters them). */
    private static final int UNREADABLE_LOGGED = 20;

    /** The agents as the topic leaves them, and what the rebuild met on the way. */
    record Result(Map<Integer, AgentState> agents, long records, long unreadable, long refused, long maxInvokeId) {
    }

    private final Consumer<String, String> consumer;
    private final String topic;
    private final Duration stallTimeout;
    private final java.util.function.Consumer<ArmEvent> onApplied;

    AgentEventRebuild(Consumer<String, String> consumer, String topic, Duration stallTimeout) {
        this(consumer, topic, stallTimeout, event -> { });
    }

    /** @param onApplied told of every event the rebuild applies, in each partition's order */
    AgentEventRebuild(Consumer<String, String> consumer, String topic, Duration stallTimeout,
            java.util.function.Consumer<ArmEvent> onApplied) {
        this.consumer = consumer;
        this.topic = topic;
        this.stallTimeout = stallTimeout;
        this.onApplied = onApplied;
    }

    Result run() {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
        if (infos == null || infos.isEmpty()) {
            throw new IllegalStateException("topic " + topic + " has no partitions (does it exist?)");
        }
        List<TopicPartition> partitions = infos.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
        Map<Integer, PartitionProjection> projections = new TreeMap<>();
        partitions.forEach(tp -> projections.put(tp.partition(), new PartitionProjection(tp.partition())));

        Set<TopicPartition> remaining = new HashSet<>(partitions);
        long records = 0;
        long unreadable = 0;
        long maxInvokeId = 0;
        long lastProgress = System.nanoTime();
        while (true) {
            remaining.removeIf(tp -> consumer.position(tp) >= end.get(tp));
            if (remaining.isEmpty()) {
                break;
            }
            consumer.pause(partitions.stream().filter(tp -> !remaining.contains(tp)).toList());
            var polled = consumer.poll(Duration.ofMillis(500));
            if (!polled.isEmpty()) {
                lastProgress = System.nanoTime();
            } else if (System.nanoTime() - lastProgress > stallTimeout.toNanos()) {
                throw new IllegalStateException("no agent event arrived for " + stallTimeout + " with " + remaining
                        + " not read to their end offsets " + end);
            }
            for (ConsumerRecord<String, String> record : polled) {
                TopicPartition tp = new TopicPartition(record.topic(), record.partition());
                if (record.offset() >= end.get(tp)) {
                    continue;
                }
                records++;
                PartitionProjection projection = projections.get(record.partition());
                Decoded<ArmEvent> decoded = ArmEventJson.read(record.value());
                if (!decoded.isValid()) {
                    unreadable++;
                    projection.skip(record.offset());
                    if (unreadable <= UNREADABLE_LOGGED) {
                        LOG.warnf("unreadable agent event at %s offset %d (key %s): %s", tp, record.offset(),
                                record.key(), decoded.error());
                    }
                    continue;
                }
                maxInvokeId = Math.max(maxInvokeId, decoded.value().invokeId());
                // An MRD-wide record (a domain status, on every partition) changes no agent; the projection
                // notes it as a domain status and the agents stay as they are.
                if (projection.apply(decoded.value(), record.offset()) instanceof PartitionProjection.Refused r) {
                    LOG.debugf("refused agent event at %s offset %d: %s", tp, record.offset(), r.anomaly());
                } else {
                    onApplied.accept(decoded.value());
                }
            }
        }
        Map<Integer, AgentState> agents = new HashMap<>();
        long refused = 0;
        for (PartitionProjection projection : projections.values()) {
            projection.agents().forEach(a -> agents.put(a.icmAgentId(), a));
            refused += projection.anomalies();
        }
        return new Result(agents, records, unreadable, refused, maxInvokeId);
    }
}
