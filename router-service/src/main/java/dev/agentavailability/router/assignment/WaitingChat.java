package dev.agentavailability.router.assignment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A chat in an entry point's queue, as its STARTED event described it.
 *
 * @param partition the chat-event partition it was read from (dropped when that partition is given up)
 */
public record WaitingChat(long entryPointId, UUID chatId, int mrdId, List<Integer> skillGroupIds, Instant startedAt,
        int partition) {

    public WaitingChat {
        skillGroupIds = List.copyOf(skillGroupIds);
    }
}
