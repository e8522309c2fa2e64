package dev.agentavailability.projection;

import dev.agentavailability.contract.arm.IcmAgentState;
import dev.agentavailability.contract.config.SkillGroupConfig;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * An agent's state in one skill group of an MRD it is logged into.
 *
 * @param configured true for a skill group configured for the agent, false for the MRD's default group
 *                   that ICM adds every logged-in agent to
 */
public record SkillGroupState(SkillGroupConfig skillGroup, boolean configured, IcmAgentState state, Instant since) {

    /**
     * The agent's skill groups in the MRD, configured ones first. Non-voice tasks name no skill group, so
     * every group shows the MRD's state, except that an agent idle here while busy on a non-interruptible
     * task elsewhere shows BUSY_OTHER, as ICM reports it per skill group.
     */
    public static List<SkillGroupState> of(AgentState agent, AgentMrdState mrd, ConfigView config,
            Set<Integer> unavailableDomains) {
        if (!mrd.loggedIn()) {
            return List.of();
        }
        boolean busyElsewhere = AvailabilityRule.evaluate(agent, mrd.mrdId(), config, unavailableDomains).reasons()
                .contains(Unavailability.BUSY_NON_INTERRUPTIBLE_ELSEWHERE);
        IcmAgentState state = busyElsewhere && mrd.state() == IcmAgentState.NOT_ACTIVE
                ? IcmAgentState.BUSY_OTHER : mrd.state();
        List<SkillGroupState> states = new ArrayList<>();
        for (SkillGroupConfig sg : config.configuredSkillGroups(agent.icmAgentId(), mrd.mrdId())) {
            states.add(new SkillGroupState(sg, true, state, mrd.stateSince()));
        }
        for (SkillGroupConfig sg : config.defaultSkillGroups(mrd.mrdId())) {
            states.add(new SkillGroupState(sg, false, state, mrd.stateSince()));
        }
        return states;
    }
}
