package dev.agentavailability.replay;

import dev.agentavailability.projection.AgentState;
import dev.agentavailability.projection.ConfigView;
import dev.agentavailability.projection.PartitionProjection;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The projection as a replay rebuilt it: every agent-event partition (by partition number) and the reference
 * data, as of {@code at}. For a replay to an instant, {@code at} is that instant; for a replay to offsets, it is
 * the latest event time applied ({@link Instant#EPOCH} when nothing was applied).
 *
 * @param snapshotOffsets for each partition that started from a snapshot instead of its beginning, the snapshot's
 *                        {@code nextOffset} (where reading the partition started); empty when none did
 * @param notes           what the reader of the result should know and that did not stop the replay (an
 *                        unreadable snapshot that was passed over, a missing snapshot topic)
 * @param recordsRead     agent-event records read (the others were covered by snapshots); -1 when not counted
 */
public record ReplayState(Map<Integer, PartitionProjection> partitions, ConfigView config, Instant at,
        Map<Integer, Long> snapshotOffsets, List<String> notes, long recordsRead) {

    public ReplayState {
        partitions = Collections.unmodifiableMap(new TreeMap<>(partitions));
        snapshotOffsets = snapshotOffsets == null ? Map.of()
                : Collections.unmodifiableMap(new TreeMap<>(snapshotOffsets));
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** A state read from the partitions' beginnings, with nothing to note. */
    public ReplayState(Map<Integer, PartitionProjection> partitions, ConfigView config, Instant at) {
        this(partitions, config, at, Map.of(), List.of(), -1);
    }

    /** The partition that holds the agent's state, if any event of the agent was applied. */
    public Optional<PartitionProjection> partitionOf(int icmAgentId) {
        return partitions.values().stream().filter(p -> p.agent(icmAgentId).isPresent()).findFirst();
    }

    public Optional<AgentState> agent(int icmAgentId) {
        return partitionOf(icmAgentId).flatMap(p -> p.agent(icmAgentId));
    }
}
