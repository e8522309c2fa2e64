package dev.agentavailability.router.assignment;

import dev.agentavailability.projection.AgentState;
import java.util.Set;

/** An agent of an owned agent-event partition, with the MRDs whose domain that partition reports unavailable. */
public record AgentCandidate(AgentState agent, Set<Integer> unavailableDomains) {

    public AgentCandidate {
        unavailableDomains = Set.copyOf(unavailableDomains);
    }
}
