package dev.agentavailability.projection;

import dev.agentavailability.contract.availability.AvailabilityCounts;
import dev.agentavailability.contract.config.SkillGroupConfig;
import java.util.EnumSet;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/** Sums the availability rule's verdicts over agents, per skill group and per MRD. */
public final class AvailabilityCounter {

    /** The clauses that only work in progress fails: the agent takes a new task once that work ends. */
    private static final Set<Unavailability> WORK = EnumSet.of(Unavailability.AT_TASK_LIMIT,
            Unavailability.BUSY_NON_INTERRUPTIBLE_ELSEWHERE, Unavailability.INTERRUPTED);

    private AvailabilityCounter() {
    }

    /** Counts of logged-in agents per skill group (configured and default groups). */
    public static SortedMap<Integer, AvailabilityCounts> bySkillGroup(PartitionProjection partition, ConfigView config) {
        SortedMap<Integer, AvailabilityCounts> counts = new TreeMap<>();
        for (AgentState agent : partition.agents()) {
            for (AgentMrdState mrd : agent.mrds().values()) {
                if (!mrd.loggedIn()) {
                    continue;
                }
                AvailabilityCounts one = countOne(agent, mrd, config, partition.unavailableDomains());
                for (SkillGroupConfig sg : config.skillGroupsOf(agent.icmAgentId(), mrd.mrdId())) {
                    counts.merge(sg.id(), one, AvailabilityCounts::plus);
                }
            }
        }
        return counts;
    }

    /** Counts of logged-in agents per MRD, each agent once. */
    public static SortedMap<Integer, AvailabilityCounts> byMrd(PartitionProjection partition, ConfigView config) {
        SortedMap<Integer, AvailabilityCounts> counts = new TreeMap<>();
        for (AgentState agent : partition.agents()) {
            for (AgentMrdState mrd : agent.mrds().values()) {
                if (mrd.loggedIn()) {
                    counts.merge(mrd.mrdId(), countOne(agent, mrd, config, partition.unavailableDomains()),
                            AvailabilityCounts::plus);
                }
            }
        }
        return counts;
    }

    private static AvailabilityCounts countOne(AgentState agent, AgentMrdState mrd, ConfigView config,
            Set<Integer> unavailableDomains) {
        Verdict verdict = AvailabilityRule.evaluate(agent, mrd.mrdId(), config, unavailableDomains);
        return new AvailabilityCounts(1,
                mrd.ready() ? 1 : 0,
                mrd.routable() ? 1 : 0,
                verdict.availableForNewTask() ? 1 : 0,
                mrd.atTaskLimit() ? 1 : 0,
                verdict.reasons().contains(Unavailability.DOMAIN_UNAVAILABLE) ? 1 : 0,
                mrd.activeTasks(),
                mrd.taskLimit(),
                !verdict.reasons().isEmpty() && WORK.containsAll(verdict.reasons()) ? 1 : 0);
    }
}
