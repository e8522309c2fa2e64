package dev.agentavailability.entrypoint.management;

import dev.agentavailability.contract.Decoded;
import dev.agentavailability.contract.entrypoint.EntryPointEvent;
import dev.agentavailability.contract.entrypoint.EntryPointEventJson;
import dev.agentavailability.contract.entrypoint.EntryPointEventType;
import dev.agentavailability.entrypoint.startup.AvailabilityCatchUp;
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
 * be read is logged and the channel goes on: the cache then keeps the database's version, read at startup.
 */
@ApplicationScoped
public class EntryPointChanges {

    private static final Logger LOG = Logger.getLogger(EntryPointChanges.class);

    private final EntryPointCache cache;
    private final EntryPointHistory history;
    private final AvailabilityCatchUp catchUp;

    EntryPointChanges(EntryPointCache cache, EntryPointHistory history, AvailabilityCatchUp catchUp) {
        this.cache = cache;
        this.history = history;
        this.catchUp = catchUp;
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
                LOG.warnf("skipped unreadable entry point change: partition %d offset %d key %s: %s",
                        record.partition(), record.offset(), record.key(), decoded.error());
                return;
            }
            EntryPointEvent event = decoded.value();
            if (event.type() == EntryPointEventType.DELETED) {
                cache.remove(event.entryPointId());
            } else {
                cache.put(EntryPointView.of(event.entryPointId(), event.settings()));
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "failed to apply entry point change: partition %d offset %d key %s", record.partition(),
                    record.offset(), record.key());
        } finally {
            catchUp.seen(record.topic(), record.partition(), record.offset());
        }
    }
}
