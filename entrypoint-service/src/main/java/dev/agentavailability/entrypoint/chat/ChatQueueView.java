package dev.agentavailability.entrypoint.chat;

import dev.agentavailability.contract.Decoded;
import dev.agentavailability.contract.chat.ChatEvent;
import dev.agentavailability.contract.chat.ChatEventJson;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicLong;

/** The service's {@link ChatQueue}, fed by the chat-event topic (and by this instance's own acknowledged starts). */
@ApplicationScoped
public class ChatQueueView {

    private final ChatQueue queue = new ChatQueue();
    private final AtomicLong records = new AtomicLong();
    private final AtomicLong malformed = new AtomicLong();

    /**
     * Applies one record of the topic.
     *
     * @return the error when the record cannot be read, else null
     */
    public String applyRecord(String key, String value) {
        records.incrementAndGet();
        Decoded<ChatEvent> decoded = ChatEventJson.read(value);
        if (!decoded.isValid()) {
            malformed.incrementAndGet();
            return decoded.error();
        }
        ChatEvent event = decoded.value();
        if (key != null && !key.equals(event.key())) {
            malformed.incrementAndGet();
            return "key '" + key + "' is not the event's entry point " + event.entryPointId();
        }
        queue.apply(event);
        return null;
    }

    /** Applies an event this instance published and Kafka acknowledged (the topic brings it again: no change). */
    public void applyOwn(ChatEvent event) {
        queue.apply(event);
    }

    public ChatQueue queue() {
        return queue;
    }

    public int depth(long entryPointId) {
        return queue.depth(entryPointId);
    }

    public long records() {
        return records.get();
    }

    public long malformedRecords() {
        return malformed.get();
    }
}
