package dev.agentavailability.projection;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The one place that decides whether an agent is available for a new task in an MRD.
 * <p>
 * ICM (AGENT_STATE_EVENT, protocol 25): available in MRD X when signed into X and not Not Ready there,
 * not working a task of a non-interruptible MRD elsewhere, and holding fewer tasks than its limit in X.
 * ICM_AVAILABLE adds routable; APPLICATION_AVAILABLE is available but not routable. For a new routed
 * chat the application path must also report the domain available (rttest flag D).
 */
public final class AvailabilityRule {

    private AvailabilityRule() {
    }

    /**
     * @param unavailableDomains MRDs whose domain the application path reports unavailable
     */
    public static Verdict evaluate(AgentState agent, int mrdId, ConfigView config, Set<Integer> unavailableDomains) {
        EnumSet<Unavailability> reasons = EnumSet.noneOf(Unavailability.class);
        AgentMrdState mrd = agent == null ? null : agent.in(mrdId);
        if (mrd == null || !mrd.loggedIn()) {
            return new Verdict(AgentAvailabilityStatus.NOT_AVAILABLE, EnumSet.of(Unavailability.NOT_LOGGED_IN));
        }
        if (!mrd.ready()) {
            reasons.add(Unavailability.NOT_READY);
        }
        if (mrd.interrupted()) {
            reasons.add(Unavailability.INTERRUPTED);
        }
        if (mrd.atTaskLimit()) {
            reasons.add(Unavailability.AT_TASK_LIMIT);
        }
        if (busyNonInterruptibleElsewhere(agent, mrdId, config)) {
            reasons.add(Unavailability.BUSY_NON_INTERRUPTIBLE_ELSEWHERE);
        }
        AgentAvailabilityStatus status = !reasons.isEmpty()
                ? AgentAvailabilityStatus.NOT_AVAILABLE
                : mrd.routable() ? AgentAvailabilityStatus.ICM_AVAILABLE : AgentAvailabilityStatus.APPLICATION_AVAILABLE;
        if (!mrd.routable()) {
            reasons.add(Unavailability.NOT_ROUTABLE);
        }
        if (unavailableDomains.contains(mrdId)) {
            reasons.add(Unavailability.DOMAIN_UNAVAILABLE);
        }
        return new Verdict(status, reasons);
    }

    private static boolean busyNonInterruptibleElsewhere(AgentState agent, int mrdId, ConfigView config) {
        for (Map.Entry<Integer, AgentMrdState> other : agent.mrds().entrySet()) {
            if (other.getKey() != mrdId && other.getValue().loggedIn() && other.getValue().isWorking()
                    && !config.isInterruptible(other.getKey())) {
                return true;
            }
        }
        return false;
    }
}
