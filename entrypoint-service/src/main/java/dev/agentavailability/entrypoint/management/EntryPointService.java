package dev.agentavailability.entrypoint.management;

import dev.agentavailability.contract.entrypoint.EntryPointEvent;
import dev.agentavailability.entrypoint.AppClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/**
 * Entry point writes: each goes to the database in its own transaction, to the entry-point topic before that
 * transaction commits (a change Kafka did not take is rolled back, so the topic never misses one), and once
 * committed to the cache. Writes are serialized so that the cache and the topic end in the order the database
 * committed.
 */
@ApplicationScoped
public class EntryPointService {

    /** The outcome of a create-or-replace. */
    public record Saved(EntryPointView entryPoint, boolean created) {
    }

    private final EntryPointCache cache;
    private final EntryPointHistory history;
    private final AppClock clock;
    private final Object writeLock = new Object();

    EntryPointService(EntryPointCache cache, EntryPointHistory history, AppClock clock) {
        this.cache = cache;
        this.history = history;
        this.clock = clock;
    }

    public List<EntryPointView> list() {
        return EntryPoint.<EntryPoint>listAll(Sort.by("id")).stream().map(EntryPoint::view).toList();
    }

    public Optional<EntryPointView> find(long id) {
        return EntryPoint.<EntryPoint>findByIdOptional(id).map(EntryPoint::view);
    }

    /** Creates or replaces entry point {@code id}; {@code changedBy} is the principal, carried on the event. */
    public Saved put(long id, EntryPointRequest request, String changedBy) {
        synchronized (writeLock) {
            Saved saved = QuarkusTransaction.requiringNew().call(() -> {
                EntryPoint entity = EntryPoint.findById(id);
                boolean created = entity == null;
                if (created) {
                    entity = new EntryPoint();
                    entity.id = id;
                }
                entity.apply(request);
                if (created) {
                    entity.persist();
                }
                EntryPoint.flush(); // database faults surface before the event is on the topic
                EntryPointView view = entity.view();
                history.publish(EntryPointEvent.saved(id, view.settings(), clock.now(), changedBy));
                return new Saved(view, created);
            });
            cache.put(saved.entryPoint());
            return saved;
        }
    }

    /** @return false when there was no such entry point */
    public boolean delete(long id, String changedBy) {
        synchronized (writeLock) {
            boolean deleted = QuarkusTransaction.requiringNew().call(() -> {
                boolean existed = EntryPoint.deleteById(id);
                if (existed) {
                    EntryPoint.flush();
                    history.publish(EntryPointEvent.deleted(id, clock.now(), changedBy));
                }
                return existed;
            });
            cache.remove(id);
            return deleted;
        }
    }
}
