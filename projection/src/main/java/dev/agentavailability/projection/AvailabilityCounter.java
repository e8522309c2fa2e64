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

    /** The counts of one partition per skill group and per MRD, from one pass over its agents. */
    public record Counts(SortedMap<Integer, AvailabilityCounts> bySkillGroup,
            SortedMap<Integer, AvailabilityCounts> byMrd) {
    }

    /**
     * Counts of logged-in agents per skill group (configured and default groups) and per MRD (each agent once),
     * each agent's verdict worked out once for both.
     */
    public static Counts count(PartitionProjection partition, ConfigView config) {
        SortedMap<Integer, AvailabilityCounts> bySkillGroup = new TreeMap<>();
        SortedMap<Integer, AvailabilityCounts> byMrd = new TreeMap<>();
        for (AgentState agent : partition.agents()) {
            for (AgentMrdState mrd : agent.mrds().values()) {
                if (!mrd.loggedIn()) {
                    continue;
                }
                AvailabilityCounts one = countOne(agent, mrd, config, partition.unavailableDomains());
                byMrd.merge(mrd.mrdId(), one, AvailabilityCounts::plus);
                for (SkillGroupConfig sg : config.skillGroupsOf(agent.icmAgentId(), mrd.mrdId())) {
                    bySkillGroup.merge(sg.id(), one, AvailabilityCounts::plus);
                }
            }
        }
        return new Counts(bySkillGroup, byMrd);
    }

    /** {@link #count}'s counts per skill group. */
    public static SortedMap<Integer, AvailabilityCounts> bySkillGroup(PartitionProjection partition, ConfigView config) {
        return count(partition, config).bySkillGroup();
    }

    /** {@link #count}'s counts per MRD. */
    public static SortedMap<Integer, AvailabilityCounts> byMrd(PartitionProjection partition, ConfigView config) {
        return count(partition, config).byMrd();
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
