package dev.agentavailability.router.assignment;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

/**
 * The queue lives in memory and nothing is committed, so a partition got is read from its start; the
 * assigner decides only once every owned partition reaches the end it had when it was got.
 */
@ApplicationScoped
@Identifier("chat-event-partitions")
public class ChatEventPartitions implements KafkaConsumerRebalanceListener {

    private final ChatAssigner assigner;

    public ChatEventPartitions(ChatAssigner assigner) {
        this.assigner = assigner;
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        consumer.seekToBeginning(partitions);
        Map<Integer, Long> ends = new TreeMap<>();
        consumer.endOffsets(partitions).forEach((tp, end) -> ends.put(tp.partition(), end));
        assigner.partitionsAssigned(ends);
    }

    @Override
    public void onPartitionsRevoked(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        assigner.partitionsRevoked(partitions.stream().map(TopicPartition::partition).toList());
    }

    @Override
    public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        onPartitionsRevoked(consumer, partitions);
    }
}
