package dev.agentavailability.router.assignment;

import dev.agentavailability.contract.Decoded;
import dev.agentavailability.contract.chat.ChatEvent;
import dev.agentavailability.contract.chat.ChatEventJson;
import dev.agentavailability.kafka.DeadLetter;
import dev.agentavailability.kafka.cdi.DeadLetters;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads the chat-event topic into the queue, in order. An unreadable record is dead-lettered and skipped (the topic
 * is read from its start at every start-up, so it stays where it is); any other failure stops the channel
 * (failure-strategy=fail).
 */
@ApplicationScoped
public class ChatEventConsumer {

    public static final String CHANNEL = "chat-events-in";

    private final ChatAssigner assigner;
    private final DeadLetters deadLetters;

    public ChatEventConsumer(ChatAssigner assigner, DeadLetters deadLetters) {
        this.assigner = assigner;
        this.deadLetters = deadLetters;
    }

    @Incoming(CHANNEL)
    @Blocking(ordered = true)
    public void consume(ConsumerRecord<String, String> record) {
        Decoded<ChatEvent> decoded = ChatEventJson.read(record.value());
        if (!decoded.isValid()) {
            deadLetters.report(DeadLetter.of(record, decoded.error()));
        }
        assigner.onChatEvent(record.partition(), record.offset(), decoded.isValid() ? decoded.value() : null);
    }
}
