package dev.agentavailability.projection;

import java.util.Optional;
import java.util.SortedMap;

/** One ICM agent across its media routing domains. Immutable. */
public record AgentState(int icmAgentId, SortedMap<Integer, AgentMrdState> mrds) {

    public AgentState {
        // copies unless it already is the immutable map that with() builds
        mrds = mrds == null ? AgentMrds.NONE : AgentMrds.copyOf(mrds);
    }

    static AgentState empty(int icmAgentId) {
        return new AgentState(icmAgentId, AgentMrds.NONE);
    }

    public Optional<AgentMrdState> mrd(int mrdId) {
        return Optional.ofNullable(in(mrdId));
    }

    /** The agent's state in the MRD, or null when it never logged into it. */
    AgentMrdState in(int mrdId) {
        return ((AgentMrds) mrds).in(mrdId);
    }

    public boolean isLoggedInto(int mrdId) {
        AgentMrdState mrd = in(mrdId);
        return mrd != null && mrd.loggedIn();
    }

    AgentState with(AgentMrdState mrd) {
        return new AgentState(icmAgentId, ((AgentMrds) mrds).with(mrd));
    }
}
