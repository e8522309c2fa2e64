package dev.agentavailability.router.config;

import dev.agentavailability.contract.config.ConfigEvent;
import dev.agentavailability.projection.ConfigView;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The reference data as of the config events this instance has read. Readers get an immutable
 * snapshot; a write replaces it, which is cheap because config changes are rare.
 */
@ApplicationScoped
public class ConfigState {

    private static final int REMEMBERED_EVENT_IDS = 10_000;

    private volatile ConfigView snapshot = new ConfigView();
    /** Ids of recently applied events, so a writer can wait until its own change is visible. */
    private final Map<UUID, Long> applied = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, Long> eldest) {
            return size() > REMEMBERED_EVENT_IDS;
        }
    };

    /** The current reference data; never mutate it. */
    public ConfigView current() {
        return snapshot;
    }

    synchronized void apply(ConfigEvent event, long offset) {
        ConfigView next = snapshot.copy();
        next.apply(event, offset);
        snapshot = next;
        applied.put(event.eventId(), offset);
        notifyAll();
    }

    synchronized void skip(long offset) {
        ConfigView next = snapshot.copy();
        next.skip(offset);
        snapshot = next;
        notifyAll();
    }

    /** Waits until the event is applied here, so that a REST write answers with what readers will see. */
    synchronized boolean awaitApplied(UUID eventId, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!applied.containsKey(eventId)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }
}
