package dev.agentavailability.router.assignment;

import dev.agentavailability.contract.arm.TaskId;
import dev.agentavailability.contract.chat.ChatEvent;
import dev.agentavailability.projection.AgentMrdState;
import dev.agentavailability.projection.AgentState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The waiting chats of every entry point in arrival order, as the chat events tell them, with what assignment
 * adds: pending assignments and offer holds. Who waits is the shared projection's rule ({@link
 * dev.agentavailability.projection.entrypoint.ChatQueue}, as the entry point service and replay keep it); this
 * class adds each chat's chat-event partition, so that it can drop the chats of a partition it gives up. Not
 * thread safe: one thread owns it.
 * <ul>
 * <li>STARTED: the chat waits (a repeated STARTED of a known or finished chat changes nothing).</li>
 * <li>ASSIGNED: the chat is pending (not to be assigned again) and counts against its agent's task limit.</li>
 * <li>ASSIGNMENT_FAILED: no longer pending; it waits again in its old place.</li>
 * <li>OFFERED, ABANDONED, TIMED_OUT: it leaves the queue. After OFFERED the agent keeps a hold on the task until
 * the agent-event topic shows the task (then the projection counts it) or {@link #HOLD} after the offer, so
 * that the agent is not given another chat in between.</li>
 * </ul>
 */
public final class ChatQueue {

    /** How long an offer counts against the agent's limit while the projection does not show its task yet. */
    public static final Duration HOLD = Duration.ofSeconds(60);

    /** A chat's agent, while the assignment is pending or the offer is not yet seen on the agent-event topic. */
    public record Pending(UUID chatId, int icmAgentId, int mrdId, TaskId taskId, Instant until) {
    }

    private final dev.agentavailability.projection.entrypoint.ChatQueue queue =
            new dev.agentavailability.projection.entrypoint.ChatQueue();
    /** The chat-event partition each waiting chat was read from. */
    private final Map<UUID, Integer> partitions = new HashMap<>();
    private final Map<UUID, Pending> pending = new HashMap<>();
    private final Map<UUID, Pending> offered = new LinkedHashMap<>();

    /** Applies one chat event read from the given chat-event partition. */
    public void apply(ChatEvent event, int partition) {
        UUID chat = event.chatId();
        dev.agentavailability.projection.entrypoint.ChatQueue.Effect effect = queue.apply(event);
        switch (event.type()) {
            case STARTED:
                if (effect == dev.agentavailability.projection.entrypoint.ChatQueue.Effect.STARTED_WAITING) {
                    partitions.put(chat, partition);
                }
                break;
            case ASSIGNED:
                if (queue.isWaiting(chat)) {
                    pending.put(chat, new Pending(chat, event.icmAgentId(), event.mrdId(), event.taskId(), null));
                }
                break;
            case ASSIGNMENT_FAILED:
                pending.remove(chat);
                break;
            case OFFERED:
                finish(chat);
                offered.put(chat, new Pending(chat, event.icmAgentId(), event.mrdId(), event.taskId(),
                        event.occurredAt().plus(HOLD)));
                break;
            case ABANDONED:
            case TIMED_OUT:
                finish(chat);
                break;
            default:
                break;
        }
    }

    /** Marks a chat pending as soon as the router chose its agent, before its ASSIGNED comes back. */
    public void assigned(Assignment assignment) {
        pending.put(assignment.chat().chatId(), new Pending(assignment.chat().chatId(), assignment.icmAgentId(),
                assignment.mrdId(), assignment.taskId(), null));
    }

    /** The ASSIGNED of a choice could not be published: the chat waits again. */
    public void publishFailed(Assignment assignment) {
        Pending current = pending.get(assignment.chat().chatId());
        if (current != null && current.icmAgentId() == assignment.icmAgentId()) {
            pending.remove(assignment.chat().chatId());
        }
    }

    /** Drops the chats of chat-event partitions this instance gave up; their new owner reads them again. */
    public void forgetPartitions(Collection<Integer> partitions) {
        List<UUID> gone = this.partitions.entrySet().stream().filter(e -> partitions.contains(e.getValue()))
                .map(Map.Entry::getKey).toList();
        queue.forget(gone);
        gone.forEach(id -> {
            this.partitions.remove(id);
            pending.remove(id);
        });
    }

    /**
     * Drops offer holds whose task the agent's projection now shows (it counts the task itself) or that
     * expired.
     *
     * @param agents the agent by id, if this instance owns its partition
     */
    public void releaseHolds(Function<Integer, Optional<AgentState>> agents, Instant now) {
        offered.values().removeIf(hold -> now.isAfter(hold.until()) || agents.apply(hold.icmAgentId())
                .flatMap(a -> a.mrd(hold.mrdId())).map(m -> holds(m, hold.taskId())).orElse(false));
    }

    private static boolean holds(AgentMrdState mrd, TaskId taskId) {
        return mrd.task(taskId).isPresent();
    }

    /** Waiting chats that are not pending, in arrival order. */
    public List<WaitingChat> unassigned() {
        List<WaitingChat> result = new ArrayList<>();
        for (WaitingChat chat : waiting()) {
            if (!pending.containsKey(chat.chatId())) {
                result.add(chat);
            }
        }
        return result;
    }

    /** Every waiting chat, pending or not, in arrival order. */
    public List<WaitingChat> waiting() {
        List<WaitingChat> chats = new ArrayList<>();
        for (dev.agentavailability.projection.entrypoint.ChatQueue.Waiting w : queue.waiting()) {
            chats.add(new WaitingChat(w.entryPointId(), w.chatId(), w.mrdId(), w.skillGroupIds(), w.startedAt(),
                    partitions.get(w.chatId())));
        }
        return chats;
    }

    public Optional<Pending> pending(UUID chatId) {
        return Optional.ofNullable(pending.get(chatId));
    }

    /** Offers that still hold their agent. */
    public List<Pending> holds() {
        return List.copyOf(offered.values());
    }

    /** Pending assignments and offer holds per agent and MRD: what the projection does not count yet. */
    public Map<AgentMrd, Integer> pendingPerAgent() {
        Map<AgentMrd, Integer> counts = new HashMap<>();
        pending.values().forEach(p -> counts.merge(new AgentMrd(p.icmAgentId(), p.mrdId()), 1, Integer::sum));
        offered.values().forEach(p -> counts.merge(new AgentMrd(p.icmAgentId(), p.mrdId()), 1, Integer::sum));
        return counts;
    }

    private void finish(UUID chat) {
        partitions.remove(chat);
        pending.remove(chat);
    }
}
