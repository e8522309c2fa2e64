package dev.agentavailability.replay;

import dev.agentavailability.contract.Decoded;
import dev.agentavailability.contract.chat.ChatEvent;
import dev.agentavailability.contract.chat.ChatEventJson;
import dev.agentavailability.contract.entrypoint.EntryPointEvent;
import dev.agentavailability.contract.entrypoint.EntryPointEventJson;
import dev.agentavailability.kafka.KafkaClients;
import dev.agentavailability.kafka.TopicReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The entry point settings changes and the chat steps that occurred at or before an instant, read from their
 * topics with {@link TopicReader} (own consumer, no group). Each list is in event-time order; records of equal
 * time keep their topic order, so one entry point's changes (one partition, its key) stay in the order written.
 * Unreadable records are counted, not applied: the entry point service and the router refuse the same records.
 */
public final class EntryPointEvents {

    /** The topics and how long reading may take. */
    public record Source(KafkaClients kafka, String entryPointTopic, String chatTopic, Duration timeout) {
        public Source {
            Objects.requireNonNull(kafka, "kafka");
            Objects.requireNonNull(entryPointTopic, "entryPointTopic");
            Objects.requireNonNull(chatTopic, "chatTopic");
            Objects.requireNonNull(timeout, "timeout");
        }
    }

    private final List<EntryPointEvent> settings;
    private final List<ChatEvent> chats;
    private final int unreadable;

    private EntryPointEvents(List<EntryPointEvent> settings, List<ChatEvent> chats, int unreadable) {
        this.settings = List.copyOf(settings);
        this.chats = List.copyOf(chats);
        this.unreadable = unreadable;
    }

    /**
     * Reads both topics to their current end. A topic that does not exist reads as empty (a system that never
     * had an entry point, or one older than the entry-point topic).
     *
     * @throws TopicReader.TopicReadException when Kafka does not answer in time
     */
    public static EntryPointEvents read(Source source, Instant to) {
        List<EntryPointEvent> settings = new ArrayList<>();
        List<ChatEvent> chats = new ArrayList<>();
        int[] unreadable = {0};
        TopicReader.readToEnd(source.kafka(), "replay-entry-points", source.entryPointTopic(), source.timeout(), true, r -> {
            Decoded<EntryPointEvent> decoded = EntryPointEventJson.read(r.value());
            if (!decoded.isValid()) {
                unreadable[0]++;
            } else if (!decoded.value().occurredAt().isAfter(to)) {
                settings.add(decoded.value());
            }
        });
        TopicReader.readToEnd(source.kafka(), "replay-chat-events", source.chatTopic(), source.timeout(), true, r -> {
            Decoded<ChatEvent> decoded = ChatEventJson.read(r.value());
            if (!decoded.isValid()) {
                unreadable[0]++;
            } else if (!decoded.value().occurredAt().isAfter(to)) {
                chats.add(decoded.value());
            }
        });
        // stable sorts: equal times keep the topic order
        settings.sort(Comparator.comparing(EntryPointEvent::occurredAt));
        chats.sort(Comparator.comparing(ChatEvent::occurredAt));
        return new EntryPointEvents(settings, chats, unreadable[0]);
    }

    public List<EntryPointEvent> settings() {
        return settings;
    }

    public List<ChatEvent> chats() {
        return chats;
    }

    /** Records of either topic that could not be read. */
    public int unreadable() {
        return unreadable;
    }

    /** The entry points and queues as of {@code at}. */
    public EntryPointsState stateAt(Instant at) {
        EntryPointsState state = new EntryPointsState();
        state.advanceTo(this, at);
        return state;
    }
}
