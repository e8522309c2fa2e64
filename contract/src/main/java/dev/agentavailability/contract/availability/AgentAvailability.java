package dev.agentavailability.contract.availability;

import dev.agentavailability.contract.arm.IcmAgentState;
import java.time.Instant;
import java.util.List;

/**
 * One agent's state in each MRD it is logged in to, and the availability verdict with every clause it fails, on a
 * compacted topic keyed by the ICM agent id: the latest record of an agent is its state now. Written by the router
 * that owns the agent's partition whenever the record would change; a partition taken over is written in full.
 *
 * @param name          the agent's configured name; null while the agent is not configured
 * @param throughOffset the partition's next offset when this was computed: the state reflects the events before it
 */
public record AgentAvailability(int schemaVersion, int icmAgentId, String name, int partition, List<Mrd> mrds,
        long throughOffset, Instant asOf) {

    public static final int SCHEMA_VERSION = 1;

    /**
     * The agent in one MRD: the ICM state and since when, the flags, the tasks against the limit, and the verdict.
     *
     * @param skillGroupIds      the skill groups the agent is in within the MRD, configured then default ones
     * @param unavailableBecause every clause of the availability rule the agent fails, sorted; empty when available
     */
    public record Mrd(int mrdId, IcmAgentState state, Instant stateSince, boolean loggedIn, boolean routable, boolean ready,
            int notReadyReason, boolean interrupted, int activeTasks, long taskLimit, List<Integer> skillGroupIds,
            String availabilityStatus, boolean availableForNewTask, List<String> unavailableBecause) {

        /** Records written before skill groups were added to the record carry none: an empty list, not a fault. */
        public Mrd {
            skillGroupIds = skillGroupIds == null ? List.of() : List.copyOf(skillGroupIds);
        }
    }

    public String key() {
        return Integer.toString(icmAgentId);
    }
}
