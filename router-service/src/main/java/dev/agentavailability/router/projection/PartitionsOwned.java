package dev.agentavailability.router.projection;

import java.util.Collection;
import java.util.List;
import org.apache.kafka.common.TopicPartition;

/**
 * CDI events of partition ownership, fired synchronously from the rebalance listener, so that an observer has done
 * its part before the group moves on (availability publishes or forgets, the lag gauges start or stop).
 */
public final class PartitionsOwned {

    private PartitionsOwned() {
    }

    /** These agent-event partitions are this instance's now, loaded into the store. */
    public record Assigned(Collection<TopicPartition> partitions) {
        public List<Integer> numbers() {
            return partitions.stream().map(TopicPartition::partition).sorted().toList();
        }
    }

    /** These partitions are no longer this instance's: gone from the store already. */
    public record Revoked(Collection<TopicPartition> partitions) {
        public List<Integer> numbers() {
            return partitions.stream().map(TopicPartition::partition).sorted().toList();
        }
    }
}
