package dev.agentavailability.router.config;

import dev.agentavailability.contract.Decoded;
import dev.agentavailability.contract.config.ConfigEvent;
import dev.agentavailability.contract.config.ConfigEventJson;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/** Reads the whole config topic into memory and into the reference-data tables. */
@ApplicationScoped
public class ConfigListener {

    public static final String CHANNEL = "config-in";
    private static final Logger LOG = Logger.getLogger(ConfigListener.class);

    private final ConfigState state;
    private final ConfigTables tables;
    private final Event<ConfigChanged> changed;

    public ConfigListener(ConfigState state, ConfigTables tables, Event<ConfigChanged> changed) {
        this.state = state;
        this.tables = tables;
        this.changed = changed;
    }

    @Incoming(CHANNEL)
    @Blocking(ordered = true)
    public void onConfig(ConsumerRecord<String, String> record) {
        Decoded<ConfigEvent> decoded = ConfigEventJson.read(record.value());
        if (!decoded.isValid()) {
            // Config is written only by this service; a bad record is a bug to see, not a reason to stop.
            LOG.warnf("unreadable config record at %s-%d@%d skipped: %s", record.topic(), record.partition(),
                    record.offset(), decoded.error());
            state.skip(record.offset());
            return;
        }
        tables.apply(decoded.value());
        state.apply(decoded.value(), record.offset());
        changed.fire(new ConfigChanged(record.offset()));
    }
}
