package dev.agentavailability.projection.entrypoint;

import dev.agentavailability.contract.chat.ChatEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.LongFunction;

/**
 * The queue depth per entry point, as a projection of the chat-event topic. A chat waits from STARTED until OFFERED,
 * ABANDONED or TIMED_OUT; ASSIGNED and ASSIGNMENT_FAILED do not end its wait. Applying the same events again in the
 * same order gives the same state (a STARTED seen twice counts once; a chat that ended never waits again).
 * Thread-safe: one consumer writes, requests read. The entry point service (queue depth, time-outs), the router
 * (which chat to assign next) and replay all keep their queue in this one class.
 *
 * <p>Memory: the chats waiting, and the last {@value #REMEMBERED_ENDED} chats that stopped waiting (a STARTED
 * delivered again comes seconds after the first, not after that many other chats ended).
 */
public final class ChatQueue {

    /** A waiting chat, as its STARTED event described it. */
    public record Waiting(UUID chatId, long entryPointId, int mrdId, List<Integer> skillGroupIds, Instant startedAt) {
        public Waiting {
            skillGroupIds = skillGroupIds == null ? List.of() : List.copyOf(skillGroupIds);
        }
    }

    /** How many chats that stopped waiting are remembered. */
    public static final int REMEMBERED_ENDED = 100_000;

    /** What applying an event did. */
    public enum Effect { STARTED_WAITING, STOPPED_WAITING, NO_CHANGE }

    private final Map<UUID, Waiting> waiting = new LinkedHashMap<>();
    private final Map<Long, Integer> depth = new HashMap<>();
    /** Chats that stopped waiting (kept so that a replayed or late STARTED does not bring them back). */
    private final Set<UUID> ended = Collections.newSetFromMap(new LinkedHashMap<>(16, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, Boolean> eldest) {
            return size() > REMEMBERED_ENDED;
        }
    });

    public synchronized Effect apply(ChatEvent event) {
        UUID chatId = event.chatId();
        switch (event.type()) {
            case STARTED:
                if (ended.contains(chatId) || waiting.containsKey(chatId)) {
                    return Effect.NO_CHANGE;
                }
                waiting.put(chatId, new Waiting(chatId, event.entryPointId(), event.mrdId(), event.skillGroupIds(),
                        event.occurredAt()));
                depth.merge(event.entryPointId(), 1, Integer::sum);
                return Effect.STARTED_WAITING;
            case OFFERED:
            case ABANDONED:
            case TIMED_OUT:
                ended.add(chatId);
                Waiting removed = waiting.remove(chatId);
                if (removed == null) {
                    return Effect.NO_CHANGE;
                }
                depth.computeIfPresent(removed.entryPointId(), (k, v) -> v <= 1 ? null : v - 1);
                return Effect.STOPPED_WAITING;
            case ASSIGNED:
            case ASSIGNMENT_FAILED:
            default:
                return Effect.NO_CHANGE;
        }
    }

    public synchronized int depth(long entryPointId) {
        return depth.getOrDefault(entryPointId, 0);
    }

    public synchronized boolean isWaiting(UUID chatId) {
        return waiting.containsKey(chatId);
    }

    public synchronized boolean hasEnded(UUID chatId) {
        return ended.contains(chatId);
    }

    public synchronized Waiting find(UUID chatId) {
        return waiting.get(chatId);
    }

    /** Every waiting chat, in arrival order. */
    public synchronized List<Waiting> waiting() {
        return List.copyOf(waiting.values());
    }

    /**
     * Stops keeping these chats without ending them: the router gave up the chat-event partitions they were read
     * from, and their new owner reads them again.
     */
    public synchronized void forget(Collection<UUID> chatIds) {
        for (UUID chatId : chatIds) {
            Waiting removed = waiting.remove(chatId);
            if (removed != null) {
                depth.computeIfPresent(removed.entryPointId(), (k, v) -> v <= 1 ? null : v - 1);
            }
        }
    }

    /** Chats waiting in total. */
    public synchronized int size() {
        return waiting.size();
    }

    /**
     * The chats that have waited longer than their entry point allows at {@code now}.
     *
     * @param maxWait the allowed wait of an entry point
     */
    public synchronized List<Waiting> overdue(Instant now, LongFunction<Duration> maxWait) {
        List<Waiting> overdue = new ArrayList<>();
        for (Waiting w : waiting.values()) {
            if (w.startedAt().plus(maxWait.apply(w.entryPointId())).isBefore(now)) {
                overdue.add(w);
            }
        }
        return overdue;
    }
}
