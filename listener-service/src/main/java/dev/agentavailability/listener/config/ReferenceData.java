package dev.agentavailability.listener.config;

import dev.agentavailability.contract.Decoded;
import dev.agentavailability.contract.config.ConfigEvent;
import dev.agentavailability.contract.config.ConfigEventJson;
import dev.agentavailability.projection.ConfigView;
import jakarta.inject.Singleton;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * The listener's view of ICM reference data (MRDs, skill groups, agents, application paths), kept up to
 * date from the whole config topic. Each instance reads the topic from the start with a consumer group of
 * its own, so nothing is committed; the view lives in memory only.
 */
@Singleton
public class ReferenceData {

    private static final Logger LOG = Logger.getLogger(ReferenceData.class);

    private final ConfigView view = new ConfigView();

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
            LOG.warnf("skipped unreadable config record at %s-%d offset %d (key %s): %s", record.topic(),
                    record.partition(), record.offset(), record.key(), decoded.error());
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
