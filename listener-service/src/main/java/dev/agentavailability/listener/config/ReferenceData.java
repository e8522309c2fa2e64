package dev.agentavailability.listener.config;

import dev.agentavailability.contract.Decoded;
import dev.agentavailability.contract.config.ConfigEvent;
import dev.agentavailability.contract.config.ConfigEventJson;
import dev.agentavailability.kafka.DeadLetter;
import dev.agentavailability.kafka.cdi.DeadLetters;
import dev.agentavailability.projection.ConfigView;
import jakarta.inject.Singleton;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The listener's view of ICM reference data (MRDs, skill groups, agents, application paths), kept up to
 * date from the whole config topic. Each instance reads the topic from the start with a consumer group of
 * its own, so nothing is committed; the view lives in memory only.
 */
@Singleton
public class ReferenceData {

    private final ConfigView view = new ConfigView();
    private final DeadLetters deadLetters;

    ReferenceData(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @Incoming("config-in")
    public void onConfigRecord(ConsumerRecord<String, String> record) {
        Decoded<ConfigEvent> decoded = ConfigEventJson.read(record.value());
        synchronized (this) {
            if (decoded.isValid()) {
                view.apply(decoded.value(), record.offset());
            } else {
                view.skip(record.offset());
            }
        }
        if (!decoded.isValid()) {
            // read from the start at every start-up: the record stays on the topic, the dead letter reports it
            deadLetters.report(DeadLetter.of(record, decoded.error()));
        }
    }

    /** Reads the view under its lock; the function must not keep the view. */
    public synchronized <T> T read(Function<ConfigView, T> reader) {
        return reader.apply(view);
    }

    /** The offset after the last config record applied or skipped. */
    public synchronized long nextOffset() {
        return view.nextOffset();
    }
}
