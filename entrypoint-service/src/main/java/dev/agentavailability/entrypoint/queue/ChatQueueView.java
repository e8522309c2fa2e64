package dev.agentavailability.entrypoint.queue;

import dev.agentavailability.contract.Decoded;
import dev.agentavailability.contract.chat.ChatEvent;
import dev.agentavailability.contract.chat.ChatEventJson;
import dev.agentavailability.projection.entrypoint.ChatQueue;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** The service's {@link ChatQueue}, fed by the chat-event topic (and by this instance's own acknowledged starts). */
@ApplicationScoped
public class ChatQueueView {

    private final ChatQueue queue = new ChatQueue();
    private final AtomicLong records = new AtomicLong();
    private final AtomicLong malformed = new AtomicLong();
    private final MeterRegistry meters;
    /** Entry points whose queue-depth gauge is registered (on their first chat event). */
    private final Set<Long> gauged = ConcurrentHashMap.newKeySet();

    public ChatQueueView(MeterRegistry meters) {
        this.meters = meters;
    }

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
        apply(event);
        return null;
    }

    /** Applies an event this instance published and Kafka acknowledged (the topic brings it again: no change). */
    public void applyOwn(ChatEvent event) {
        apply(event);
    }

    private void apply(ChatEvent event) {
        queue.apply(event);
        long entryPointId = event.entryPointId();
        if (gauged.add(entryPointId)) {
            Gauge.builder("availability.queue.depth", queue, q -> q.depth(entryPointId))
                    .description("chats waiting, per entry point").tag("entryPoint", String.valueOf(entryPointId))
                    .register(meters);
        }
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
