package dev.agentavailability.entrypoint.management;

import dev.agentavailability.contract.ContractJson;
import dev.agentavailability.contract.Decoded;
import dev.agentavailability.contract.entrypoint.EntryPointEvent;
import dev.agentavailability.contract.entrypoint.EntryPointEventJson;
import dev.agentavailability.contract.entrypoint.EntryPointEventType;
import dev.agentavailability.contract.entrypoint.EntryPointSettings;
import dev.agentavailability.kafka.TopicReader;
import dev.agentavailability.entrypoint.AppClock;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * At startup, makes the entry-point topic end in the database's state: an entry point whose latest event differs
 * from its row (written by a migration, restored from a backup, or a commit that failed after its event was sent)
 * gets a SAVED event, and one that is gone gets a DELETED event. Replays then see every state initialize answered
 * from, at the latest from this start on.
 */
@ApplicationScoped
public class EntryPointHistorySync {

    /** The changedBy of the events this sync writes: the database's settings, not a person's change. */
    public static final String REPAIRED_BY = "entrypoint-service (history repaired from its database)";

    private static final Logger LOG = Logger.getLogger(EntryPointHistorySync.class);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    private final EntryPointService entryPoints;
    private final EntryPointHistory history;
    private final AppClock clock;

    EntryPointHistorySync(EntryPointService entryPoints, EntryPointHistory history, AppClock clock) {
        this.entryPoints = entryPoints;
        this.history = history;
        this.clock = clock;
    }

    void onStart(@Observes @Priority(10) StartupEvent event) {
        try {
            int published = sync();
            LOG.infof("entry-point topic %s in step with the database (%d events written)", history.topic(),
                    published);
        } catch (RuntimeException e) {
            // initialize still answers from the database; only the history lags until the next start or change
            LOG.errorf("entry-point topic %s could not be brought in step with the database: %s", history.topic(),
                    e.getMessage());
        }
    }

    /** @return how many events it wrote */
    public int sync() {
        Map<Long, EntryPointSettings> onTopic = new HashMap<>();
        TopicReader.readToEnd(history.kafka(), "entrypoint-settings-sync", history.topic(), READ_TIMEOUT, true, record -> {
            Decoded<EntryPointEvent> decoded = EntryPointEventJson.read(record.value());
            if (!decoded.isValid()) {
                LOG.warnf("entry-point topic offset %d unreadable: %s", record.offset(), decoded.error());
                return;
            }
            EntryPointEvent e = decoded.value();
            if (e.type() == EntryPointEventType.DELETED) {
                onTopic.remove(e.entryPointId());
            } else {
                onTopic.put(e.entryPointId(), e.settings());
            }
        });
        int published = 0;
        for (EntryPointView entryPoint : entryPoints.list()) {
            EntryPointSettings stored = entryPoint.settings();
            if (!sameJson(onTopic.remove(entryPoint.id()), stored)) {
                history.publish(EntryPointEvent.saved(entryPoint.id(), stored, clock.now(), REPAIRED_BY));
                published++;
            }
        }
        for (Long gone : onTopic.keySet()) {
            history.publish(EntryPointEvent.deleted(gone, clock.now(), REPAIRED_BY));
            published++;
        }
        return published;
    }

    /** Compared as written: a number read back from JSON may be an int node where the row gave a long one. */
    private static boolean sameJson(EntryPointSettings a, EntryPointSettings b) {
        return a != null && b != null && ContractJson.write(a).equals(ContractJson.write(b));
    }
}
