package dev.agentavailability.listener.startup;

import dev.agentavailability.contract.Decoded;
import dev.agentavailability.contract.arm.ArmEvent;
import dev.agentavailability.contract.arm.ArmEventJson;
import dev.agentavailability.kafka.TopicReader;
import dev.agentavailability.listener.publish.Publication;
import dev.agentavailability.projection.AgentState;
import dev.agentavailability.projection.PartitionProjection;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    /** The agents as the topic leaves them, and what the rebuild met on the way. */
    record Result(Map<Integer, AgentState> agents, long records, long unreadable, long refused, long maxInvokeId) {
    }

    private final Consumer<String, String> consumer;
    private final String topic;
    private final Duration stallTimeout;
    private final java.util.function.Consumer<ArmEvent> onApplied;
    private final BiConsumer<ArmEvent, Publication> onRead;

    AgentEventRebuild(Consumer<String, String> consumer, String topic, Duration stallTimeout) {
        this(consumer, topic, stallTimeout, event -> { }, (event, at) -> { });
    }

    /**
     * @param onApplied told of every event the rebuild applies, in each partition's order
     * @param onRead    told of every readable event and where it is stored, applied or refused
     */
    AgentEventRebuild(Consumer<String, String> consumer, String topic, Duration stallTimeout,
            java.util.function.Consumer<ArmEvent> onApplied, BiConsumer<ArmEvent, Publication> onRead) {
        this.consumer = consumer;
        this.topic = topic;
        this.stallTimeout = stallTimeout;
        this.onApplied = onApplied;
        this.onRead = onRead;
    }

    Result run() {
        List<TopicPartition> partitions = TopicReader.partitions(consumer, topic, READ_TIMEOUT, false);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, READ_TIMEOUT);
        Map<Integer, PartitionProjection> projections = new TreeMap<>();
        partitions.forEach(tp -> projections.put(tp.partition(), new PartitionProjection(tp.partition())));
        Tally tally = new Tally();
        TopicReader.read(consumer, partitions, end, record -> apply(record, projections.get(record.partition()),
                tally), stallTimeout);
        Map<Integer, AgentState> agents = new HashMap<>();
        long refused = 0;
        for (PartitionProjection projection : projections.values()) {
            projection.agents().forEach(a -> agents.put(a.icmAgentId(), a));
            refused += projection.anomalies();
        }
        return new Result(agents, tally.records, tally.unreadable, refused, tally.maxInvokeId);
    }

    /** What the rebuild met on the way (one thread). */
    private static final class Tally {
        long records;
        long unreadable;
        long maxInvokeId;
    }

    private void apply(ConsumerRecord<String, String> record, PartitionProjection projection, Tally tally) {
        tally.records++;
        Decoded<ArmEvent> decoded = ArmEventJson.read(record.value());
        if (!decoded.isValid()) {
            tally.unreadable++;
            projection.skip(record.offset());
            if (tally.unreadable <= UNREADABLE_LOGGED) {
                LOG.warnf("unreadable agent event at %s-%d offset %d (key %s): %s", record.topic(), record.partition(),
                        record.offset(), record.key(), decoded.error());
            }
            return;
        }
        tally.maxInvokeId = Math.max(tally.maxInvokeId, decoded.value().invokeId());
        onRead.accept(decoded.value(), new Publication(record.topic(), record.partition(), record.offset()));
        // An MRD-wide record (a domain status, on every partition) changes no agent; the projection notes it as a
        // domain status and the agents stay as they are.
        if (projection.apply(decoded.value(), record.offset()) instanceof PartitionProjection.Refused r) {
            LOG.debugf("refused agent event at %s-%d offset %d: %s", record.topic(), record.partition(),
                    record.offset(), r.anomaly());
        } else {
            onApplied.accept(decoded.value());
        }
    }
}
