package dev.agentavailability.router.projection;

import dev.agentavailability.projection.PartitionProjection;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.util.Collection;
import java.util.List;
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
    private final Event<PartitionsOwned.Assigned> assigned;
    private final Event<PartitionsOwned.Revoked> revoked;

    public AgentEventPartitions(ProjectionStore store, ProjectionRepository repository,
            Event<PartitionsOwned.Assigned> assigned, Event<PartitionsOwned.Revoked> revoked) {
        this.store = store;
        this.repository = repository;
        this.assigned = assigned;
        this.revoked = revoked;
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        for (TopicPartition tp : partitions) {
            PartitionProjection projection = repository.load(tp.topic(), tp.partition());
            store.put(projection);
            consumer.seek(tp, projection.nextOffset());
            LOG.infof("partition %s owned from offset %d with %d agents", tp, projection.nextOffset(),
                    projection.agents().size());
        }
        assigned.fire(new PartitionsOwned.Assigned(List.copyOf(partitions)));
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
        revoked.fire(new PartitionsOwned.Revoked(List.copyOf(partitions)));
        LOG.infof("partitions %s given up", partitions);
    }

    @Override
    public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        onPartitionsRevoked(consumer, partitions);
    }
}
