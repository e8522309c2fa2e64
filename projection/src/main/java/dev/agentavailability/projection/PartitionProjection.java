package dev.agentavailability.projection;

import dev.agentavailability.contract.arm.ArmEvent;
import dev.agentavailability.contract.arm.ArmStatus;
import java.time.Instant;
import java.util.AbstractCollection;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The agents of one agent-event partition and the offset up to which their events are applied.
 * A pure function of the partition's records: live, restart and replay call {@link #apply} with the
 * same records and get the same state. Not thread-safe; agent values are immutable and can be handed out.
 */
public final class PartitionProjection {

    private final int partition;
    /**
     * The agents in id order, each in a slot that {@link #apply} overwrites. Events find their agent's slot through
     * {@link #slots}: one hash lookup per event instead of two walks down the tree (replay applies millions).
     */
    private final SortedMap<Integer, Slot> agents = new TreeMap<>();
    private final Map<Integer, Slot> slots = new HashMap<>();
    private final Collection<AgentState> agentView = new AbstractCollection<>() {
        @Override
        public Iterator<AgentState> iterator() {
            Iterator<Slot> inOrder = agents.values().iterator();
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return inOrder.hasNext();
                }

                @Override
                public AgentState next() {
                    return inOrder.next().agent;
                }
            };
        }

        @Override
        public int size() {
            return agents.size();
        }
    };
    private final SortedSet<Integer> unavailableDomains;
    private long nextOffset;
    private long anomalies;
    private Instant lastEventAt;

    public PartitionProjection(int partition) {
        this(partition, 0, new TreeMap<>(), Set.of(), 0, null);
    }

    /** A partition's state as stored; each agent goes under its own {@code icmAgentId}, whatever its key in the map. */
    public PartitionProjection(int partition, long nextOffset, SortedMap<Integer, AgentState> agentsById,
            Set<Integer> unavailableDomains, long anomalies, Instant lastEventAt) {
        this.partition = partition;
        this.nextOffset = nextOffset;
        agentsById.values().forEach(this::put);
        this.unavailableDomains = new TreeSet<>(unavailableDomains);
        this.anomalies = anomalies;
        this.lastEventAt = lastEventAt;
    }

    /** What applying one record did. */
    public sealed interface Outcome permits Applied, DomainStatusChanged, Refused, AlreadyApplied {
    }

    public record Applied(AgentState agent) implements Outcome {
    }

    /** The application path's report on an MRD: it changes every agent's availability there. */
    public record DomainStatusChanged(int mrdId, boolean available) implements Outcome {
    }

    public record Refused(Anomaly anomaly) implements Outcome {
    }

    /** The record is below the partition's offset: it was applied before a restart and must not count twice. */
    public record AlreadyApplied(long offset) implements Outcome {
    }

    public Outcome apply(ArmEvent event, long offset) {
        if (offset < nextOffset) {
            return new AlreadyApplied(offset);
        }
        nextOffset = offset + 1;
        // the latest time, not the last record's: a partition is in time order per agent only, and a snapshot is
        // usable for a replay to T only when nothing in it occurred after T
        if (lastEventAt == null || event.occurredAt().isAfter(lastEventAt)) {
            lastEventAt = event.occurredAt();
        }
        if (!event.message().isPerAgent()) {
            boolean available = Boolean.TRUE.equals(event.fields().domainAvailable());
            if (available) {
                unavailableDomains.remove(event.mrdId());
            } else {
                unavailableDomains.add(event.mrdId());
            }
            return new DomainStatusChanged(event.mrdId(), available);
        }
        Slot slot = slots.get(event.icmAgentId());
        AgentState agent = slot == null ? null : slot.agent;
        if (agent != null && agent.applied(event.eventId())) {
            return refuse(event, offset, new Refusal(ArmStatus.DUPLICATE_EVENT, event.message() + ": event "
                    + event.eventId() + " was applied to agent " + event.icmAgentId()
                    + " already; this is a repeated delivery and is not applied again"));
        }
        Optional<Refusal> refusal = AgentTransitions.check(agent, event);
        if (refusal.isPresent()) {
            return refuse(event, offset, refusal.get());
        }
        AgentState next = AgentTransitions.apply(agent, event).rememberingEvent(event.eventId());
        if (slot == null) {
            put(next);
        } else {
            slot.agent = next;
        }
        return new Applied(next);
    }

    private Refused refuse(ArmEvent event, long offset, Refusal refusal) {
        anomalies++;
        return new Refused(new Anomaly(partition, offset, event.eventId(), event.icmAgentId(), event.mrdId(),
                event.message(), refusal.status(), refusal.reason(), event.occurredAt()));
    }

    /** Moves past a record that could not be read (it went to the dead-letter topic). */
    public boolean skip(long offset) {
        if (offset < nextOffset) {
            return false;
        }
        nextOffset = offset + 1;
        return true;
    }

    public int partition() {
        return partition;
    }

    public long nextOffset() {
        return nextOffset;
    }

    public long anomalies() {
        return anomalies;
    }

    /** The latest {@code occurredAt} among the records applied, null when none was. */
    public Instant lastEventAt() {
        return lastEventAt;
    }

    /** MRDs whose domain the application path last reported unavailable. */
    public Set<Integer> unavailableDomains() {
        return Collections.unmodifiableSortedSet(unavailableDomains);
    }

    public Optional<AgentState> agent(int icmAgentId) {
        Slot slot = slots.get(icmAgentId);
        return slot == null ? Optional.empty() : Optional.of(slot.agent);
    }

    /** The agents in id order (a read-only view). */
    public Collection<AgentState> agents() {
        return agentView;
    }

    /** A copy with slots of its own: applying to one leaves the other as it was. */
    public PartitionProjection copy() {
        PartitionProjection copy = new PartitionProjection(partition, nextOffset, new TreeMap<>(), unavailableDomains,
                anomalies, lastEventAt);
        agents.values().forEach(slot -> copy.put(slot.agent));
        return copy;
    }

    private void put(AgentState agent) {
        Slot slot = new Slot(agent);
        agents.put(agent.icmAgentId(), slot);
        slots.put(agent.icmAgentId(), slot);
    }

    /** Where an agent's current value is kept; the value itself is immutable. */
    private static final class Slot {
        private AgentState agent;

        Slot(AgentState agent) {
            this.agent = agent;
        }
    }
}
