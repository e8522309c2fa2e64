package dev.agentavailability.projection;

import com.google.common.collect.ImmutableSortedMap;
import com.google.common.collect.Ordering;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/** One ICM agent across its media routing domains. Immutable. */
public record AgentState(int icmAgentId, SortedMap<Integer, AgentMrdState> mrds) {

    public AgentState {
        // copies unless it already is an immutable map in MRD order, as the one {@link #with} builds (Guava's own
        // natural ordering: it does not take the JDK's Comparator.naturalOrder() for the same)
        mrds = mrds == null ? ImmutableSortedMap.of() : ImmutableSortedMap.copyOf(mrds, Ordering.natural());
    }

    static AgentState empty(int icmAgentId) {
        return new AgentState(icmAgentId, ImmutableSortedMap.of());
    }

    public Optional<AgentMrdState> mrd(int mrdId) {
        return Optional.ofNullable(mrds.get(mrdId));
    }

    public boolean isLoggedInto(int mrdId) {
        AgentMrdState mrd = mrds.get(mrdId);
        return mrd != null && mrd.loggedIn();
    }

    AgentState with(AgentMrdState mrd) {
        if (mrds.isEmpty() || mrds.size() == 1 && mrds.containsKey(mrd.mrdId())) {
            return new AgentState(icmAgentId, ImmutableSortedMap.of(mrd.mrdId(), mrd)); // most agents: one MRD
        }
        TreeMap<Integer, AgentMrdState> next = new TreeMap<>(mrds);
        next.put(mrd.mrdId(), mrd);
        return new AgentState(icmAgentId, ImmutableSortedMap.copyOfSorted(next));
    }
}
