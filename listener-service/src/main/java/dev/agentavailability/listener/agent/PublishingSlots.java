package dev.agentavailability.listener.agent;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.Bulkhead;

/**
 * The agent actions that may be under way at once: each may wait on Kafka, or on its agent's lock behind one that
 * does. While Kafka is slow they would otherwise take every worker thread, and requests that need only memory
 * would wait too; past the limit an action is refused at once, before anything is written. The limit is
 * {@code availability.listener.publishing-slots}, handed to the bulkhead in application.properties.
 */
@ApplicationScoped
public class PublishingSlots {

    /** @throws org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException when every slot is taken */
    @Bulkhead(64)
    public <T> T run(Supplier<T> action) {
        return action.get();
    }
}
