package dev.agentavailability.router.projection;

import dev.agentavailability.projection.PartitionProjection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The partitions this instance owns. A stored projection is never changed again: the consumer applies a
 * batch to a copy and swaps it in after the database has it, so readers need no lock. Projections are
 * compared by identity: each load and each applied batch is a new object.
 */
@ApplicationScoped
public class ProjectionStore {

    private final ConcurrentMap<Integer, PartitionProjection> owned = new ConcurrentHashMap<>();

    void put(PartitionProjection projection) {
        owned.put(projection.partition(), projection);
    }

    /**
     * Swaps in the partition's next state only if this instance still owns it in the state the change was
     * computed from: a batch that was in flight while its partition was revoked (and maybe assigned here
     * again, loaded afresh) must not bring the old state back.
     */
    boolean replace(PartitionProjection from, PartitionProjection to) {
        return owned.replace(from.partition(), from, to);
    }

    void revoke(int partition) {
        owned.remove(partition);
    }

    public Optional<PartitionProjection> partition(int partition) {
        return Optional.ofNullable(owned.get(partition));
    }

    /** Owned partitions in partition order. */
    public List<PartitionProjection> partitions() {
        return owned.values().stream().sorted((a, b) -> Integer.compare(a.partition(), b.partition())).toList();
    }

    /** The owned partition that holds the agent, if any. */
    public Optional<PartitionProjection> partitionHolding(int icmAgentId) {
        return owned.values().stream().filter(p -> p.agent(icmAgentId).isPresent()).findFirst();
    }
}
