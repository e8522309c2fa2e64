package dev.agentavailability.entrypoint.availability;

import dev.agentavailability.contract.availability.AvailabilityCounts;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The latest availability record per (id, agent-event partition), as read from a compacted topic, and the total of
 * an id: the sum of its counts over the partitions. A record replaces the earlier one of the same id and partition.
 * One writer (the topic's consumer), any number of readers.
 *
 * @param <T> the record type
 */
public final class PartitionedAvailability<T> {

    private final Map<Integer, Map<Integer, T>> byId = new ConcurrentHashMap<>();
    private final Function<T, AvailabilityCounts> counts;

    public PartitionedAvailability(Function<T, AvailabilityCounts> counts) {
        this.counts = counts;
    }

    public void put(int id, int partition, T record) {
        byId.computeIfAbsent(id, k -> new ConcurrentHashMap<>()).put(partition, record);
    }

    public void remove(int id, int partition) {
        Map<Integer, T> partitions = byId.get(id);
        if (partitions != null) {
            partitions.remove(partition);
        }
    }

    /** The sum over partitions; {@link AvailabilityCounts#ZERO} for an id never seen. */
    public AvailabilityCounts total(int id) {
        Map<Integer, T> partitions = byId.get(id);
        if (partitions == null) {
            return AvailabilityCounts.ZERO;
        }
        AvailabilityCounts sum = AvailabilityCounts.ZERO;
        for (T record : partitions.values()) {
            sum = sum.plus(counts.apply(record));
        }
        return sum;
    }

    public Optional<T> get(int id, int partition) {
        Map<Integer, T> partitions = byId.get(id);
        return partitions == null ? Optional.empty() : Optional.ofNullable(partitions.get(partition));
    }

    /** The records of an id by partition (a copy, ordered by partition). */
    public java.util.SortedMap<Integer, T> partitions(int id) {
        Map<Integer, T> partitions = byId.get(id);
        return partitions == null ? new java.util.TreeMap<>() : new java.util.TreeMap<>(partitions);
    }

    /** Every id with at least one record, ordered. */
    public java.util.SortedSet<Integer> ids() {
        java.util.TreeSet<Integer> ids = new java.util.TreeSet<>();
        byId.forEach((id, partitions) -> {
            if (!partitions.isEmpty()) {
                ids.add(id);
            }
        });
        return ids;
    }

    /** How many (id, partition) records are held. */
    public int size() {
        return byId.values().stream().mapToInt(Map::size).sum();
    }
}
