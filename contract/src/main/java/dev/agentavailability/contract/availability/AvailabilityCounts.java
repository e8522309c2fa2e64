package dev.agentavailability.contract.availability;

/**
 * How many agents of one skill group or MRD are in each condition, within one agent-event partition.
 * Counts add up across partitions; the entry point sums them.
 *
 * @param loggedIn          agents logged into the MRD (and so into the skill group)
 * @param ready             logged in and not Not Ready
 * @param routable          logged in and routable
 * @param available         available for a new task by the ICM rule (routable, ready, below the task limit,
 *                          domain available, not busy on a non-interruptible task elsewhere)
 * @param atTaskLimit       logged in with active tasks at or above the limit
 * @param domainUnavailable logged in while the application path reports the MRD unavailable
 * @param activeTasks       sum of the agents' active tasks (offered, started, paused, wrapping up)
 * @param taskLimit         sum of the agents' concurrent task limits
 * @param busy              logged in, ready, routable, domain available, and kept from a new task only by their
 *                          work (at the task limit, on a non-interruptible task elsewhere, or interrupted): agents
 *                          that take a queued chat as soon as a task ends
 */
public record AvailabilityCounts(int loggedIn, int ready, int routable, int available, int atTaskLimit,
        int domainUnavailable, long activeTasks, long taskLimit, int busy) {

    public static final AvailabilityCounts ZERO = new AvailabilityCounts(0, 0, 0, 0, 0, 0, 0, 0, 0);

    public AvailabilityCounts plus(AvailabilityCounts o) {
        return new AvailabilityCounts(loggedIn + o.loggedIn, ready + o.ready, routable + o.routable,
                available + o.available, atTaskLimit + o.atTaskLimit, domainUnavailable + o.domainUnavailable,
                activeTasks + o.activeTasks, taskLimit + o.taskLimit, busy + o.busy);
    }
}
