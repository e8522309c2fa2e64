package dev.agentavailability.entrypoint.management;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * The entry points in memory: filled from the database at startup, then updated by {@link EntryPointService}
 * after each committed write. The public initialize call reads only this.
 */
@ApplicationScoped
public class EntryPointCache {

    private static final Logger LOG = Logger.getLogger(EntryPointCache.class);

    private final Map<Long, EntryPointView> byId = new ConcurrentHashMap<>();

    void onStart(@Observes StartupEvent event) {
        reload();
    }

    /** Replaces the whole cache with the database's entry points. */
    public void reload() {
        List<EntryPointView> stored = QuarkusTransaction.requiringNew()
                .call(() -> EntryPoint.<EntryPoint>streamAll().map(EntryPoint::view).toList());
        byId.keySet().retainAll(stored.stream().map(EntryPointView::id).toList());
        stored.forEach(e -> byId.put(e.id(), e));
        LOG.infof("loaded %d entry points", stored.size());
    }

    public Optional<EntryPointView> find(long id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Every entry point, ordered by id. */
    public List<EntryPointView> all() {
        return byId.values().stream().sorted(java.util.Comparator.comparingLong(EntryPointView::id)).toList();
    }

    public int size() {
        return byId.size();
    }

    void put(EntryPointView entryPoint) {
        byId.put(entryPoint.id(), entryPoint);
    }

    void remove(long id) {
        byId.remove(id);
    }
}
