package dev.agentavailability.router.projection;

import dev.agentavailability.projection.PartitionProjection;
import dev.agentavailability.router.availability.AvailabilityPublisher;
import dev.agentavailability.router.metrics.ProjectionLag;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * Takes over and gives up agent-event partitions: an assigned partition is loaded from PostgreSQL and the
 * consumer seeks to the offset stored with it; its availability is republished in full, which repairs a
 * crash between the database commit and the publication.
 */
@ApplicationScoped
@Identifier("agent-event-partitions")
public class AgentEventPartitions implements KafkaConsumerRebalanceListener {

    private static final Logger LOG = Logger.getLogger(AgentEventPartitions.class);

    private final ProjectionStore store;
    private final ProjectionRepository repository;
    private final AvailabilityPublisher availability;
    private final ProjectionLag lag;

    public AgentEventPartitions(ProjectionStore store, ProjectionRepository repository,
            AvailabilityPublisher availability, ProjectionLag lag) {
        this.store = store;
        this.repository = repository;
        this.availability = availability;
        this.lag = lag;
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        TreeSet<Integer> loaded = new TreeSet<>();
        for (TopicPartition tp : partitions) {
            PartitionProjection projection = repository.load(tp.topic(), tp.partition());
            store.put(projection);
            consumer.seek(tp, projection.nextOffset());
            loaded.add(tp.partition());
            LOG.infof("partition %s owned from offset %d with %d agents", tp, projection.nextOffset(),
                    projection.agents().size());
        }
        availability.refresh(loaded, true);
        lag.track(partitions);
    }

    /**
     * Gives the partitions up before the group hands them to another instance: from here on this instance
     * neither answers for them nor publishes their availability (the call returns once the publisher has
     * finished what it was sending), and a batch still in flight cannot swap its state back in.
     */
    @Override
    public void onPartitionsRevoked(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return;
        }
        partitions.forEach(tp -> store.revoke(tp.partition()));
        lag.untrack(partitions);
        availability.forget(partitions.stream().map(TopicPartition::partition).toList());
        LOG.infof("partitions %s given up", partitions);
    }

    @Override
    public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        onPartitionsRevoked(consumer, partitions);
    }
}
