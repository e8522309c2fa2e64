package dev.agentavailability.contract.chat;

import dev.agentavailability.contract.arm.TaskId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One step of a chat on the chat-event topic, keyed by entry point id so that one queue's steps stay in
 * order; the queue depth of an entry point is a projection of these records.
 *
 * @param chatId        the chat, chosen when it starts
 * @param mrdId         the entry point's MRD (on STARTED)
 * @param skillGroupIds the skill groups of the entry point's queue (on STARTED)
 * @param icmAgentId    the agent (ASSIGNED, OFFERED, ASSIGNMENT_FAILED), else 0
 * @param taskId        the task that carries the chat to the agent (ASSIGNED, OFFERED, ASSIGNMENT_FAILED)
 * @param reason        why, for ASSIGNMENT_FAILED, ABANDONED and TIMED_OUT
 */
public record ChatEvent(int schemaVersion, UUID eventId, ChatEventType type, Instant occurredAt, long entryPointId,
        UUID chatId, int mrdId, List<Integer> skillGroupIds, int icmAgentId, TaskId taskId, String reason) {

    public static final int SCHEMA_VERSION = 1;

    public ChatEvent {
        skillGroupIds = skillGroupIds == null ? List.of() : List.copyOf(skillGroupIds);
    }

    public static ChatEvent started(long entryPointId, UUID chatId, int mrdId, List<Integer> skillGroupIds,
            Instant at) {
        return new ChatEvent(SCHEMA_VERSION, UUID.randomUUID(), ChatEventType.STARTED, at, entryPointId, chatId, mrdId,
                skillGroupIds, 0, null, null);
    }

    /** A later step of the same chat, for an agent and task (0 and null where the step has none). */
    public static ChatEvent step(ChatEventType type, long entryPointId, UUID chatId, int mrdId, int icmAgentId,
            TaskId taskId, String reason, Instant at) {
        return new ChatEvent(SCHEMA_VERSION, UUID.randomUUID(), type, at, entryPointId, chatId, mrdId, List.of(),
                icmAgentId, taskId, reason);
    }

    /** The task id that carries a chat to its agent: derived from the chat id, so every service agrees on it. */
    public static TaskId taskIdFor(UUID chatId) {
        return new TaskId(chatId.getMostSignificantBits() >>> 33, chatId.getLeastSignificantBits() >>> 33, 1);
    }

    public String key() {
        return Long.toString(entryPointId);
    }
}
