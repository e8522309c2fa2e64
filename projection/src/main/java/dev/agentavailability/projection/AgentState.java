package dev.agentavailability.projection;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.UUID;

/**
 * One ICM agent across its media routing domains. Immutable.
 *
 * @param recentEventIds the ids of the last {@value #REMEMBERED_EVENTS} events applied to this agent, oldest first:
 *                       a record delivered twice (a producer's retry, a caller's resend) carries an id seen here
 *                       and is not applied again. Kept with the agent so that a restart from a checkpoint or a
 *                       snapshot knows the same ids a replay from the first offset does.
 */
public record AgentState(int icmAgentId, SortedMap<Integer, AgentMrdState> mrds,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<UUID> recentEventIds) {

    /** Enough for any resend: one agent's events arrive a few a second, a resend within seconds. */
    public static final int REMEMBERED_EVENTS = 16;

    public AgentState {
        // copies unless it already is the immutable map that with() builds
        mrds = mrds == null ? AgentMrds.NONE : AgentMrds.copyOf(mrds);
        recentEventIds = recentEventIds == null ? List.of() : List.copyOf(recentEventIds);
    }

    public AgentState(int icmAgentId, SortedMap<Integer, AgentMrdState> mrds) {
        this(icmAgentId, mrds, List.of());
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
        return new AgentState(icmAgentId, ((AgentMrds) mrds).with(mrd), recentEventIds);
    }

    /** Whether an event with this id was applied to the agent lately. */
    boolean applied(UUID eventId) {
        return recentEventIds.contains(eventId);
    }

    /** This state, remembering that the event with this id made it (the oldest id is forgotten past the limit). */
    AgentState rememberingEvent(UUID eventId) {
        List<UUID> ids = new ArrayList<>(Math.min(recentEventIds.size() + 1, REMEMBERED_EVENTS));
        ids.addAll(recentEventIds.subList(Math.max(0, recentEventIds.size() + 1 - REMEMBERED_EVENTS),
                recentEventIds.size()));
        ids.add(eventId);
        return new AgentState(icmAgentId, mrds, ids);
    }
}
