package dev.agentavailability.router.assignment;

import dev.agentavailability.contract.Decoded;
import dev.agentavailability.contract.chat.ChatEvent;
import dev.agentavailability.contract.chat.ChatEventJson;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Reads the chat-event topic into the queue, in order. An unreadable record is logged with its offset and
 * skipped; any other failure stops the channel (failure-strategy=fail).
 */
@ApplicationScoped
public class ChatEventConsumer {

    public static final String CHANNEL = "chat-events-in";
    private static final Logger LOG = Logger.getLogger(ChatEventConsumer.class);

    private final ChatAssigner assigner;

    public ChatEventConsumer(ChatAssigner assigner) {
        this.assigner = assigner;
    }

    @Incoming(CHANNEL)
    @Blocking(ordered = true)
    public void consume(ConsumerRecord<String, String> record) {
        Decoded<ChatEvent> decoded = ChatEventJson.read(record.value());
        if (!decoded.isValid()) {
            LOG.warnf("unreadable chat event at %s-%d@%d skipped: %s", record.topic(), record.partition(),
                    record.offset(), decoded.error());
        }
        assigner.onChatEvent(record.partition(), record.offset(), decoded.isValid() ? decoded.value() : null);
    }
}
