package dev.agentavailability.router.availability;

import dev.agentavailability.contract.availability.AgentAvailability;
import dev.agentavailability.projection.AgentAvailabilities;
import dev.agentavailability.projection.AgentState;
import dev.agentavailability.projection.ConfigView;
import dev.agentavailability.projection.PartitionProjection;
import dev.agentavailability.router.config.ConfigChanged;
import dev.agentavailability.router.config.ConfigState;
import dev.agentavailability.router.projection.PartitionsApplied;
import dev.agentavailability.router.projection.PartitionsOwned;
import dev.agentavailability.router.projection.ProjectionStore;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.jboss.logging.Logger;

/**
 * Publishes each owned agent's {@link AgentAvailability} to the compacted agent-state topic whenever it would change:
 * after a batch (its events, or a domain status that changes every agent's verdict), after a config change, and in
 * full for a partition taken over. As {@link AvailabilityPublisher} does for the counts, one thread publishes, and a
 * partition given up is forgotten only once what was in flight for it is acknowledged, so no record of a former owner
 * lands after the new owner's.
 */
@ApplicationScoped
public class AgentStatePublisher {

    private static final Logger LOG = Logger.getLogger(AgentStatePublisher.class);
    private static final Duration RETRY = Duration.ofSeconds(2);
    private static final Duration FORGET_TIMEOUT = Duration.ofSeconds(30);

    private final ProjectionStore store;
    private final ConfigState config;
    private final MutinyEmitter<String> out;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(
            r -> new Thread(r, "agent-state-publisher"));
    /** Per partition, the MRD states last published per agent; touched only on the publisher thread. */
    private final Map<Integer, Map<Integer, List<AgentAvailability.Mrd>>> published = new HashMap<>();

    public AgentStatePublisher(ProjectionStore store, ConfigState config,
            @Channel("agent-states-out") MutinyEmitter<String> out) {
        this.store = store;
        this.config = config;
        this.out = out;
    }

    void onAssigned(@Observes PartitionsOwned.Assigned assigned) {
        refresh(assigned.numbers(), true);
    }

    void onRevoked(@Observes PartitionsOwned.Revoked revoked) {
        Set<Integer> which = Set.copyOf(revoked.numbers());
        try {
            thread.submit(() -> published.keySet().removeAll(which)).get(FORGET_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            // shutting down: nothing more is published
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warnf("agent states of partitions %s may still be in flight after they were given up: %s", which,
                    e.toString());
        }
    }

    void onApplied(@Observes @Priority(PartitionsApplied.AVAILABILITY) PartitionsApplied applied) {
        List<PartitionProjection> states = applied.current();
        if (!states.isEmpty()) {
            thread.execute(() -> states.stream().filter(s -> store.partition(s.partition()).isPresent())
                    .forEach(s -> publish(s, false)));
        }
    }

    /** Memberships or MRD settings changed: any verdict may have. */
    void onConfigChanged(@Observes ConfigChanged change) {
        refresh(store.partitions().stream().map(PartitionProjection::partition).toList(), false);
    }

    private void refresh(Collection<Integer> partitions, boolean full) {
        List<Integer> which = List.copyOf(partitions);
        thread.execute(() -> which.forEach(p -> store.partition(p).ifPresent(projection -> publish(projection, full))));
    }

    private void publish(PartitionProjection projection, boolean full) {
        ConfigView view = config.current();
        Map<Integer, List<AgentAvailability.Mrd>> last = published.computeIfAbsent(projection.partition(),
                p -> new HashMap<>());
        List<Uni<Void>> sends = new ArrayList<>();
        Map<Integer, List<AgentAvailability.Mrd>> sent = new HashMap<>();
        for (AgentState agent : projection.agents()) {
            AgentAvailability record = AgentAvailabilities.of(projection, agent, view);
            if (full || !record.mrds().equals(last.get(agent.icmAgentId()))) {
                sends.add(AvailabilityPublisher.send(out, record.key(), record));
                sent.put(agent.icmAgentId(), record.mrds());
            }
        }
        if (sends.isEmpty()) {
            return;
        }
        try {
            Uni.join().all(sends).andFailFast().await().atMost(Duration.ofSeconds(60));
            last.putAll(sent);
        } catch (RuntimeException e) {
            // Left unrecorded, so a refresh sends them again; one is scheduled in case no event comes to do it.
            LOG.errorf(e, "publishing agent states of partition %d failed; retrying in %s", projection.partition(), RETRY);
            thread.schedule(() -> store.partition(projection.partition()).ifPresent(p -> publish(p, false)),
                    RETRY.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @PreDestroy
    void stop() {
        thread.shutdownNow();
    }
}
