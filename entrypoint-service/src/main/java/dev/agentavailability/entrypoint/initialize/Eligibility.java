package dev.agentavailability.entrypoint.initialize;

import dev.agentavailability.contract.availability.AvailabilityCounts;
import dev.agentavailability.entrypoint.management.EntryPointView;
import java.util.function.IntFunction;

/**
 * Whether a chat can start on an entry point (ECE 12.0 rule): it can when the entry point is active and at least one
 * agent is available in the skill groups of its queue. Agents of other skill groups of the same MRD do not count.
 */
public final class Eligibility {

    private Eligibility() {
    }

    /**
     * @param skillGroupAvailability a skill group's availability summed over the agent-event partitions
     */
    public static ResponseType decide(EntryPointView entryPoint, IntFunction<AvailabilityCounts> skillGroupAvailability) {
        if (!entryPoint.active()) {
            return ResponseType.NO_AGENT_AVAILABLE;
        }
        long available = 0;
        for (int skillGroupId : entryPoint.skillGroupIds()) {
            available += skillGroupAvailability.apply(skillGroupId).available();
        }
        return available > 0 ? ResponseType.AVAILABLE : ResponseType.NO_AGENT_AVAILABLE;
    }
}
