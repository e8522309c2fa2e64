package dev.agentavailability.replay;

import dev.agentavailability.contract.chat.ChatEvent;
import dev.agentavailability.contract.entrypoint.EntryPointEvent;
import dev.agentavailability.contract.entrypoint.EntryPointEventType;
import dev.agentavailability.contract.entrypoint.EntryPointSettings;
import dev.agentavailability.projection.entrypoint.ChatQueue;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Entry point settings and queue depths as a replay moves forward in time: the same {@link ChatQueue} projection
 * the entry point service keeps live, and the settings of the latest SAVED event (none after DELETED).
 */
public final class EntryPointsState {

    /** The settings in force and the time of the change that set them. */
    public record Settings(EntryPointSettings settings, Instant since) {
    }

    private final Map<Long, Settings> settings = new HashMap<>();
    private final ChatQueue queue = new ChatQueue();
    private int nextSettings;
    private int nextChat;

    /** Applies the events of {@code events} up to and including {@code at} not yet applied (call with growing times). */
    public void advanceTo(EntryPointEvents events, Instant at) {
        while (nextSettings < events.settings().size()
                && !events.settings().get(nextSettings).occurredAt().isAfter(at)) {
            apply(events.settings().get(nextSettings++));
        }
        while (nextChat < events.chats().size() && !events.chats().get(nextChat).occurredAt().isAfter(at)) {
            queue.apply(events.chats().get(nextChat++));
        }
    }

    /** The time of the next event not yet applied, if any. */
    public Optional<Instant> nextChange(EntryPointEvents events) {
        Instant next = null;
        if (nextSettings < events.settings().size()) {
            next = events.settings().get(nextSettings).occurredAt();
        }
        if (nextChat < events.chats().size()) {
            Instant chat = events.chats().get(nextChat).occurredAt();
            next = next == null || chat.isBefore(next) ? chat : next;
        }
        return Optional.ofNullable(next);
    }

    private void apply(EntryPointEvent event) {
        if (event.type() == EntryPointEventType.DELETED) {
            settings.remove(event.entryPointId());
        } else {
            settings.put(event.entryPointId(), new Settings(event.settings(), event.occurredAt()));
        }
    }

    public Optional<Settings> settings(long entryPointId) {
        return Optional.ofNullable(settings.get(entryPointId));
    }

    public SortedSet<Long> entryPointIds() {
        return new TreeSet<>(settings.keySet());
    }

    public int queueDepth(long entryPointId) {
        return queue.depth(entryPointId);
    }
}
