package dev.agentavailability.projection;

import java.util.Collections;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/** One ICM agent across its media routing domains. Immutable. */
public record AgentState(int icmAgentId, SortedMap<Integer, AgentMrdState> mrds) {

    public AgentState {
        mrds = Collections.unmodifiableSortedMap(new TreeMap<>(mrds == null ? new TreeMap<>() : mrds));
    }

    static AgentState empty(int icmAgentId) {
        return new AgentState(icmAgentId, new TreeMap<>());
    }

    public Optional<AgentMrdState> mrd(int mrdId) {
        return Optional.ofNullable(mrds.get(mrdId));
    }

    public boolean isLoggedInto(int mrdId) {
        return mrd(mrdId).map(AgentMrdState::loggedIn).orElse(false);
    }

    AgentState with(AgentMrdState mrd) {
        TreeMap<Integer, AgentMrdState> next = new TreeMap<>(mrds);
        next.put(mrd.mrdId(), mrd);
        return new AgentState(icmAgentId, next);
    }
}
