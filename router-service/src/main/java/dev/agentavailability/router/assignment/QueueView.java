package dev.agentavailability.router.assignment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The chat queue as this router sees it.
 *
 * @param catchingUp true while the chat-event partitions are still being read up to their end (nothing is decided)
 */
public record QueueView(List<Chat> waiting, List<ChatQueue.Pending> offerHolds, boolean catchingUp) {

    /** A waiting chat; {@code assignedAgent} is set while its assignment is pending. */
    public record Chat(long entryPointId, UUID chatId, int mrdId, List<Integer> skillGroupIds, Instant startedAt,
            Integer assignedAgent) {
    }
}
