package dev.agentavailability.entrypoint.queue;

import dev.agentavailability.entrypoint.startup.AvailabilityCatchUp;
import dev.agentavailability.kafka.DeadLetter;
import dev.agentavailability.kafka.cdi.DeadLetters;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Reads the chat-event topic from the beginning into {@link ChatQueueView}. A record that cannot be read is logged and
 * dead-lettered with the reason and counted; nothing here throws, so the channel never stops.
 */
@ApplicationScoped
public class ChatEventConsumer {

    private static final Logger LOG = Logger.getLogger(ChatEventConsumer.class);

    private final ChatQueueView view;
    private final AvailabilityCatchUp catchUp;
    private final AtomicLong failed = new AtomicLong();
    private final DeadLetters deadLetters;

    ChatEventConsumer(ChatQueueView view, AvailabilityCatchUp catchUp, DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
        this.view = view;
        this.catchUp = catchUp;
    }

    @Incoming("chat-events")
    public void chatEvent(ConsumerRecord<String, String> record) {
        try {
            String error = view.applyRecord(record.key(), record.value());
            if (error != null) {
                deadLetters.report(DeadLetter.of(record, error));
            }
        } catch (RuntimeException e) {
            failed.incrementAndGet();
            LOG.errorf(e, "failed to apply chat event: topic %s partition %d offset %d key %s",
                    record.topic(), record.partition(), record.offset(), record.key());
            deadLetters.report(DeadLetter.of(record, "could not be applied: " + e));
        } finally {
            catchUp.seen(record.topic(), record.partition(), record.offset());
        }
    }

    public long failedRecords() {
        return failed.get();
    }
}
