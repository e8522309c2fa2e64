package dev.agentavailability.router.config;

import dev.agentavailability.contract.Decoded;
import dev.agentavailability.contract.config.ConfigEvent;
import dev.agentavailability.contract.config.ConfigEventJson;
import dev.agentavailability.kafka.DeadLetter;
import dev.agentavailability.kafka.cdi.DeadLetters;
import dev.agentavailability.router.database.DatabaseOutage;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.sql.SQLException;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads the whole config topic into memory and into the reference-data tables. A record that cannot be read, or that
 * PostgreSQL refuses as data, is dead-lettered and skipped by memory and tables alike; it never stops the channel.
 * Any other failure (the database is away) does: no valid record is skipped.
 */
@ApplicationScoped
public class ConfigListener {

    public static final String CHANNEL = "config-in";

    private final ConfigState state;
    private final ConfigTables tables;
    private final Event<ConfigChanged> changed;
    private final DeadLetters deadLetters;
    private final DatabaseOutage outage;

    public ConfigListener(ConfigState state, ConfigTables tables, Event<ConfigChanged> changed,
            DeadLetters deadLetters, DatabaseOutage outage) {
        this.state = state;
        this.tables = tables;
        this.changed = changed;
        this.deadLetters = deadLetters;
        this.outage = outage;
    }

    @Incoming(CHANNEL)
    @Blocking(ordered = true)
    public void onConfig(ConsumerRecord<String, String> record) {
        Decoded<ConfigEvent> decoded = ConfigEventJson.read(record.value());
        if (!decoded.isValid()) {
            refuse(record, decoded.error());
            return;
        }
        try {
            outage.rideOut(() -> tables.apply(decoded.value()));
        } catch (RuntimeException e) {
            Optional<String> refusal = dataRefusal(e);
            if (refusal.isEmpty()) {
                throw e;
            }
            refuse(record, "PostgreSQL refused it: " + refusal.get());
            return;
        }
        state.apply(decoded.value(), record.offset());
        changed.fire(new ConfigChanged(record.offset()));
    }

    // The topic is read from its start at every start-up, so the record stays where it is: a report suffices.
    private void refuse(ConsumerRecord<String, String> record, String reason) {
        deadLetters.report(DeadLetter.of(record, reason));
        state.skip(record.offset());
    }

    /**
     * The database's message when it refused the values themselves (SQLSTATE class 22, data exception, or 23,
     * integrity constraint violation): the same record would be refused again, so it is poison, not an outage.
     */
    static Optional<String> dataRefusal(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("22") || sql.getSQLState().startsWith("23"))) {
                return Optional.of(sql.getSQLState() + " " + sql.getMessage());
            }
        }
        return Optional.empty();
    }
}
