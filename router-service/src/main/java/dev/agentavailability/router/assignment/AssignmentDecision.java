package dev.agentavailability.router.assignment;

import dev.agentavailability.contract.chat.ChatEvent;
import dev.agentavailability.projection.AgentMrdState;
import dev.agentavailability.projection.AvailabilityRule;
import dev.agentavailability.projection.ConfigView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Chooses agents for waiting chats: a pure function of the waiting chats, the agents, the reference data and
 * the assignments still pending.
 * <p>
 * For the oldest waiting chat of each entry point (entry points taken in the order of their oldest chat), the
 * candidates are the agents that {@link AvailabilityRule} finds available for a new task in the chat's MRD, that
 * belong to one of the chat's skill groups ({@link ConfigView#skillGroupsOf}), and whose tasks plus pending
 * assignments in that MRD stay below the task limit. Among them the LONGEST AVAILABLE agent wins: fewest tasks
 * (held plus pending) first, so an idle agent (NOT_ACTIVE) comes before one already ACTIVE below its limit; among
 * equals the earliest {@link AgentMrdState#stateSince()} (the longest in that state); then the lowest agent id,
 * so that the choice is deterministic. Each choice counts as pending for the choices after it.
 */
public final class AssignmentDecision {

    private AssignmentDecision() {
    }

    /**
     * @param waiting chats not pending, in arrival order
     * @param pending assignments (and offers not yet seen on the agent-event topic) per agent and MRD
     */
    public static List<Assignment> decide(List<WaitingChat> waiting, Collection<AgentCandidate> agents,
            ConfigView config, Map<AgentMrd, Integer> pending) {
        Map<Long, WaitingChat> oldestPerEntryPoint = new LinkedHashMap<>();
        for (WaitingChat chat : waiting) {
            oldestPerEntryPoint.putIfAbsent(chat.entryPointId(), chat);
        }
        Map<AgentMrd, Integer> counted = new HashMap<>(pending);
        List<Assignment> assignments = new ArrayList<>();
        for (WaitingChat chat : oldestPerEntryPoint.values()) {
            choose(chat, agents, config, counted).ifPresent(agent -> {
                counted.merge(new AgentMrd(agent, chat.mrdId()), 1, Integer::sum);
                assignments.add(new Assignment(chat, agent, chat.mrdId(), ChatEvent.taskIdFor(chat.chatId())));
            });
        }
        return assignments;
    }

    private record Candidate(int icmAgentId, int load, Instant since) {
    }

    private static final Comparator<Candidate> LONGEST_AVAILABLE_FIRST = Comparator
            .comparingInt(Candidate::load)
            .thenComparing(Candidate::since, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparingInt(Candidate::icmAgentId);

    private static Optional<Integer> choose(WaitingChat chat, Collection<AgentCandidate> agents, ConfigView config,
            Map<AgentMrd, Integer> pending) {
        List<Candidate> candidates = new ArrayList<>();
        for (AgentCandidate candidate : agents) {
            int agentId = candidate.agent().icmAgentId();
            AgentMrdState mrd = candidate.agent().mrds().get(chat.mrdId());
            if (mrd == null || !AvailabilityRule.evaluate(candidate.agent(), chat.mrdId(), config,
                    candidate.unavailableDomains()).availableForNewTask()) {
                continue;
            }
            int load = mrd.activeTasks() + pending.getOrDefault(new AgentMrd(agentId, chat.mrdId()), 0);
            if (load >= mrd.taskLimit() || !inSkillGroup(agentId, chat, config)) {
                continue;
            }
            candidates.add(new Candidate(agentId, load, mrd.stateSince()));
        }
        return candidates.stream().min(LONGEST_AVAILABLE_FIRST).map(Candidate::icmAgentId);
    }

    private static boolean inSkillGroup(int agentId, WaitingChat chat, ConfigView config) {
        return config.skillGroupsOf(agentId, chat.mrdId()).stream()
                .anyMatch(sg -> chat.skillGroupIds().contains(sg.id()));
    }
}
