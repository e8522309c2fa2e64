package dev.agentavailability.projection.snapshot;

import dev.agentavailability.projection.AgentState;
import dev.agentavailability.projection.PartitionProjection;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One agent-event partition's projection as it stood after every record below {@code nextOffset}, on the
 * snapshot topic (key = partition number). A replay to an instant T may start from it instead of the partition's
 * beginning when {@code lastEventAt} ≤ T: then every record it contains occurred at or before T, and the replay
 * applies the later records of T and before as if it had read them all.
 *
 * @param topic       the agent-event topic it was taken from
 * @param lastEventAt the latest {@code occurredAt} among the records applied (null when none was)
 * @param takenAt     when the router took it (informative only: replay chooses by offset and lastEventAt)
 */
public record PartitionSnapshot(int schemaVersion, String topic, int partition, long nextOffset, Instant lastEventAt,
        long anomalies, Set<Integer> unavailableDomains, List<AgentState> agents, Instant takenAt) {

    public static final int SCHEMA_VERSION = 1;

    public PartitionSnapshot {
        unavailableDomains = unavailableDomains == null ? Set.of() : Set.copyOf(new TreeSet<>(unavailableDomains));
        agents = agents == null ? List.of() : List.copyOf(agents);
    }

    public static PartitionSnapshot of(String topic, PartitionProjection projection, Instant takenAt) {
        return new PartitionSnapshot(SCHEMA_VERSION, topic, projection.partition(), projection.nextOffset(),
                projection.lastEventAt(), projection.anomalies(), projection.unavailableDomains(),
                List.copyOf(projection.agents()), takenAt);
    }

    /** A projection to go on applying records from {@code nextOffset}. */
    public PartitionProjection toProjection() {
        SortedMap<Integer, AgentState> byId = new TreeMap<>();
        agents.forEach(agent -> byId.put(agent.icmAgentId(), agent));
        return new PartitionProjection(partition, nextOffset, byId, unavailableDomains, anomalies, lastEventAt);
    }

    /** Whether a replay to {@code at} may start from here: nothing in it occurred after {@code at}. */
    public boolean usableFor(Instant at) {
        return lastEventAt == null || !lastEventAt.isAfter(at);
    }

    public String key() {
        return Integer.toString(partition);
    }
}
