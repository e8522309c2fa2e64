package dev.agentavailability.entrypoint.board;

import dev.agentavailability.contract.availability.AgentAvailability;
import dev.agentavailability.contract.availability.AvailabilityCounts;
import dev.agentavailability.entrypoint.initialize.EntryPointAnswers;
import dev.agentavailability.entrypoint.management.EntryPointView;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * One message of the board's stream. A {@code snapshot} holds everything; a {@code changes} message holds what
 * changed since the one before, each item whole (an upsert), so a page that applies them in order has the state.
 *
 * @param agentsGone      agents whose record was deleted from the agent-state topic
 * @param skillGroupsGone skill groups and MRDs ({@code mrdsGone}) no partition has a record of any more
 * @param entryPointsGone entry points deleted
 * @param messagesLeft    a leave-a-message was stored here since the last message (the page rereads the list)
 */
public record BoardUpdate(String type, Instant at, List<AgentAvailability> agents, List<Integer> agentsGone,
        List<Group> skillGroups, List<Integer> skillGroupsGone, List<Group> mrds, List<Integer> mrdsGone,
        List<EntryPointAnswer> entryPoints, List<Long> entryPointsGone, boolean messagesLeft) {

    public static final String SNAPSHOT = "snapshot";
    public static final String CHANGES = "changes";
    /** Nothing changed; sent now and then so that a client gone away is noticed. */
    public static final String HEARTBEAT = "heartbeat";

    static BoardUpdate snapshot(Instant at, Collection<AgentAvailability> agents, List<Group> skillGroups,
            List<Group> mrds, Collection<EntryPointAnswer> entryPoints) {
        return new BoardUpdate(SNAPSHOT, at, List.copyOf(agents), List.of(), skillGroups, List.of(), mrds, List.of(),
                List.copyOf(entryPoints), List.of(), false);
    }

    static BoardUpdate heartbeat(Instant at) {
        return new BoardUpdate(HEARTBEAT, at, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), false);
    }

    /** A skill group's or an MRD's counts, summed over the partitions, as initialize reads them. */
    public record Group(int id, int mrdId, AvailabilityCounts counts) {
    }

    /** An entry point's current answer and the rule row that decided it. */
    public record EntryPointAnswer(long id, String name, int mrdId, String scope, List<Integer> skillGroupIds,
            int responseType, boolean offHours, String rule, String why, int queueDepth, int maxQueueDepth,
            int availableInScope, int busyInScope) {

        static EntryPointAnswer of(EntryPointAnswers.Evaluation e) {
            EntryPointView ep = e.entryPoint();
            return new EntryPointAnswer(ep.id(), ep.name(), ep.mrdId(), ep.availabilityScope().name(),
                    ep.skillGroupIds(), e.responseType().code(), e.rule().offHours(), e.rule().name(), e.rule().why(),
                    e.queueDepth(), ep.maxQueueDepth(), e.inScope().available(), e.inScope().busy());
        }
    }

    public boolean isEmpty() {
        return agents.isEmpty() && agentsGone.isEmpty() && skillGroups.isEmpty() && skillGroupsGone.isEmpty()
                && mrds.isEmpty() && mrdsGone.isEmpty() && entryPoints.isEmpty() && entryPointsGone.isEmpty()
                && !messagesLeft;
    }
}
