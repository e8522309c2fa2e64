package dev.agentavailability.entrypoint.management;

import dev.agentavailability.contract.Decoded;
import dev.agentavailability.contract.entrypoint.EntryPointEvent;
import dev.agentavailability.contract.entrypoint.EntryPointEventJson;
import dev.agentavailability.contract.entrypoint.EntryPointEventType;
import dev.agentavailability.entrypoint.startup.AvailabilityCatchUp;
import dev.agentavailability.kafka.DeadLetter;
import dev.agentavailability.kafka.cdi.DeadLetters;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Keeps this instance's entry point cache in step with changes made through the other instances: every instance
 * reads the entry-point topic from the beginning (own group, no commits; readiness waits until it has caught up)
 * and applies each change, passing over its own, which it put in its cache when it made them. A record that cannot
 * be read or applied is dead-lettered and the channel goes on: the cache then keeps the database's version, read at
 * startup.
 */
@ApplicationScoped
public class EntryPointChanges {

    private static final Logger LOG = Logger.getLogger(EntryPointChanges.class);

    private final EntryPointCache cache;
    private final EntryPointHistory history;
    private final AvailabilityCatchUp catchUp;
    private final DeadLetters deadLetters;

    EntryPointChanges(EntryPointCache cache, EntryPointHistory history, AvailabilityCatchUp catchUp,
            DeadLetters deadLetters) {
        this.cache = cache;
        this.history = history;
        this.catchUp = catchUp;
        this.deadLetters = deadLetters;
    }

    @Incoming("entry-points")
    public void changed(ConsumerRecord<String, String> record) {
        try {
            Header writer = record.headers().lastHeader(EntryPointHistory.INSTANCE_HEADER);
            if (writer != null && history.instanceId().equals(new String(writer.value(), StandardCharsets.UTF_8))) {
                return;
            }
            Decoded<EntryPointEvent> decoded = EntryPointEventJson.read(record.value());
            if (!decoded.isValid()) {
                deadLetters.report(DeadLetter.of(record, decoded.error()));
                return;
            }
            EntryPointEvent event = decoded.value();
            if (event.type() == EntryPointEventType.DELETED) {
                cache.remove(event.entryPointId());
            } else {
                cache.put(EntryPointView.of(event.entryPointId(), event.settings()));
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "failed to apply entry point change %s-%d@%d", record.topic(), record.partition(),
                    record.offset());
            deadLetters.report(DeadLetter.of(record, "could not be applied: " + e));
        } finally {
            catchUp.seen(record.topic(), record.partition(), record.offset());
        }
    }
}
