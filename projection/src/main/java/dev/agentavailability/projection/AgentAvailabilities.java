package dev.agentavailability.projection;

import dev.agentavailability.contract.availability.AgentAvailability;
import dev.agentavailability.contract.config.AgentConfig;
import dev.agentavailability.contract.config.SkillGroupConfig;

/**
 * An agent's {@link AgentAvailability} record: its state in each MRD and the verdict of {@link AvailabilityRule}, with
 * every failed clause sorted. A pure function of the partition's state and the config, so a replay computes the same
 * record as the router that published it.
 */
public final class AgentAvailabilities {

    private AgentAvailabilities() {
    }

    public static AgentAvailability of(PartitionProjection partition, AgentState agent, ConfigView config) {
        return new AgentAvailability(AgentAvailability.SCHEMA_VERSION, agent.icmAgentId(),
                config.agent(agent.icmAgentId()).map(AgentConfig::name).orElse(null), partition.partition(),
                agent.mrds().values().stream().map(mrd -> mrd(agent, mrd, config, partition)).toList(),
                partition.nextOffset(), partition.lastEventAt());
    }

    public static AgentAvailability.Mrd mrd(AgentState agent, AgentMrdState mrd, ConfigView config,
            PartitionProjection partition) {
        Verdict verdict = AvailabilityRule.evaluate(agent, mrd.mrdId(), config, partition.unavailableDomains());
        return new AgentAvailability.Mrd(mrd.mrdId(), mrd.state(), mrd.stateSince(), mrd.loggedIn(),
                mrd.routable(), mrd.ready(), mrd.notReadyReason(), mrd.interrupted(), mrd.activeTasks(),
                mrd.taskLimit(),
                config.skillGroupsOf(agent.icmAgentId(), mrd.mrdId()).stream().map(SkillGroupConfig::id).toList(),
                verdict.status().name(), verdict.availableForNewTask(),
                verdict.reasons().stream().map(Enum::name).sorted().toList());
    }
}
