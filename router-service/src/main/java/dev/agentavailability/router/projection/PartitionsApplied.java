package dev.agentavailability.router.projection;

import dev.agentavailability.projection.PartitionProjection;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * CDI event: a batch of agent events is stored. Fired once per batch, synchronously on the consumer's thread, so
 * that its observers (snapshots, then availability publication, then chat assignment, by {@code @Priority}) see
 * the batches in order.
 *
 * @param stored  each partition's share as stored, whether or not this instance still owns the partition
 * @param current the states now in this instance's store (the stored ones it still owns, and those it reloaded
 *                after another instance stored them first): what availability and assignment go by
 */
public record PartitionsApplied(List<Stored> stored, List<PartitionProjection> current) {

    /** Observer order: a snapshot first (it notes the records), then publication, then assignment. */
    public static final int SNAPSHOTS = 1;
    public static final int AVAILABILITY = 2;
    public static final int ASSIGNMENT = 3;

    /**
     * One partition's share of the batch, stored: {@code state} after {@code records}, which moved the partition from
     * {@code fromOffset} to {@code state.nextOffset()} (records below {@code fromOffset} were applied before).
     */
    public record Stored(String topic, long fromOffset, PartitionProjection state,
            List<ConsumerRecord<String, String>> records) {
    }
}
