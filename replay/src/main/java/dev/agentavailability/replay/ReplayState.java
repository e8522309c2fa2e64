package dev.agentavailability.replay;

import dev.agentavailability.projection.AgentState;
import dev.agentavailability.projection.ConfigView;
import dev.agentavailability.projection.PartitionProjection;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The projection as a replay rebuilt it: every agent-event partition (by partition number) and the reference
 * data, as of {@code at}. For a replay to an instant, {@code at} is that instant; for a replay to offsets, it is
 * the latest event time applied ({@link Instant#EPOCH} when nothing was applied).
 */
public record ReplayState(Map<Integer, PartitionProjection> partitions, ConfigView config, Instant at) {

    public ReplayState {
        partitions = Collections.unmodifiableMap(new TreeMap<>(partitions));
    }

    /** The partition that holds the agent's state, if any event of the agent was applied. */
    public Optional<PartitionProjection> partitionOf(int icmAgentId) {
        return partitions.values().stream().filter(p -> p.agent(icmAgentId).isPresent()).findFirst();
    }

    public Optional<AgentState> agent(int icmAgentId) {
        return partitionOf(icmAgentId).flatMap(p -> p.agent(icmAgentId));
    }
}
