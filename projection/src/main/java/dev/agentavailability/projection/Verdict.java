package dev.agentavailability.projection;

import java.util.Set;

/**
 * What the availability rule says of one agent in one MRD, with every clause it fails.
 *
 * @param status  ICM's three-valued answer (which ignores the application path's domain flag)
 * @param reasons every failed clause; empty means available for a new routed task
 */
public record Verdict(AgentAvailabilityStatus status, Set<Unavailability> reasons) {

    public Verdict {
        reasons = Set.copyOf(reasons);
    }

    /** Whether ICM may route a new task to this agent in this MRD now: the one answer entry points count. */
    public boolean availableForNewTask() {
        return reasons.isEmpty();
    }
}
