package dev.agentavailability.entrypoint.management;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/**
 * Entry point writes: each goes to the database in its own transaction and, once committed, to the cache. Writes
 * are serialized so that the cache ends in the order the database committed.
 */
@ApplicationScoped
public class EntryPointService {

    /** The outcome of a create-or-replace. */
    public record Saved(EntryPointView entryPoint, boolean created) {
    }

    private final EntryPointCache cache;
    private final Object writeLock = new Object();

    EntryPointService(EntryPointCache cache) {
        this.cache = cache;
    }

    public List<EntryPointView> list() {
        return EntryPoint.<EntryPoint>listAll(Sort.by("id")).stream().map(EntryPoint::view).toList();
    }

    public Optional<EntryPointView> find(long id) {
        return EntryPoint.<EntryPoint>findByIdOptional(id).map(EntryPoint::view);
    }

    public Saved put(long id, EntryPointRequest request) {
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
                return new Saved(entity.view(), created);
            });
            cache.put(saved.entryPoint());
            return saved;
        }
    }

    /** @return false when there was no such entry point */
    public boolean delete(long id) {
        synchronized (writeLock) {
            boolean deleted = QuarkusTransaction.requiringNew().call(() -> EntryPoint.deleteById(id));
            cache.remove(id);
            return deleted;
        }
    }
}
