package dev.agentavailability.router.availability;

import dev.agentavailability.contract.ContractJson;
import dev.agentavailability.contract.availability.AvailabilityCounts;
import dev.agentavailability.contract.availability.AvailabilityKey;
import dev.agentavailability.contract.availability.MrdAvailability;
import dev.agentavailability.contract.availability.SkillGroupAvailability;
import dev.agentavailability.contract.config.ConfigItem;
import dev.agentavailability.contract.config.ConfigKind;
import dev.agentavailability.contract.config.SkillGroupConfig;
import dev.agentavailability.projection.AvailabilityCounter;
import dev.agentavailability.projection.ConfigView;
import dev.agentavailability.projection.PartitionProjection;
import dev.agentavailability.router.config.ConfigChanged;
import dev.agentavailability.router.config.ConfigState;
import dev.agentavailability.router.projection.PartitionsApplied;
import dev.agentavailability.router.projection.PartitionsOwned;
import dev.agentavailability.router.projection.ProjectionStore;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Publishes each owned partition's skill-group and MRD availability to the compacted topics when it
 * changes. One thread does all publishing, so the agent-event consumer and config changes never race
 * on what was last published. Values are absolute counts, so a republish is always safe.
 */
@ApplicationScoped
public class AvailabilityPublisher {

    private static final Logger LOG = Logger.getLogger(AvailabilityPublisher.class);

    private final ProjectionStore store;
    private final ConfigState config;
    private final MutinyEmitter<String> skillGroups;
    private final MutinyEmitter<String> mrds;
    private static final Duration RETRY = Duration.ofSeconds(2);
    private static final Duration FORGET_TIMEOUT = Duration.ofSeconds(30);

    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(
            r -> new Thread(r, "availability-publisher"));
    /** A record published: to the skill-group or the MRD topic, under its key there. */
    private record Published(boolean mrd, AvailabilityKey key) {
    }

    /** Last published counts by record; touched only on the publisher thread. */
    private final Map<Published, AvailabilityCounts> published = new HashMap<>();

    public AvailabilityPublisher(ProjectionStore store, ConfigState config,
            @Channel("skill-groups-out") MutinyEmitter<String> skillGroups,
            @Channel("mrds-out") MutinyEmitter<String> mrds) {
        this.store = store;
        this.config = config;
        this.skillGroups = skillGroups;
        this.mrds = mrds;
    }

    /** Recomputes the partitions and publishes what changed, or everything when {@code full}. */
    public void refresh(Collection<Integer> partitions, boolean full) {
        Set<Integer> which = new TreeSet<>(partitions);
        thread.execute(() -> which.forEach(p -> store.partition(p).ifPresent(projection -> publish(projection, full))));
    }

    /** Partitions taken over: published in full, which repairs a crash between a commit and its publication. */
    void onAssigned(@Observes PartitionsOwned.Assigned assigned) {
        refresh(assigned.numbers(), true);
    }

    /** Partitions given up: see {@link #forget}. */
    void onRevoked(@Observes PartitionsOwned.Revoked revoked) {
        forget(revoked.numbers());
    }

    /** A batch is stored: publishes what changed in the states it left, while this instance still owns them. */
    void onApplied(@Observes @Priority(PartitionsApplied.AVAILABILITY) PartitionsApplied applied) {
        List<PartitionProjection> states = applied.current();
        if (!states.isEmpty()) {
            thread.execute(() -> states.stream().filter(s -> store.partition(s.partition()).isPresent())
                    .forEach(s -> publish(s, false)));
        }
    }

    /** Memberships or MRD settings changed: every owned partition may count differently now. */
    void onConfigChanged(@Observes ConfigChanged change) {
        refresh(store.partitions().stream().map(PartitionProjection::partition).toList(), false);
    }

    /**
     * Partitions given up, already gone from the store: their new owner publishes them in full. Returns once
     * the publisher thread has finished what it had started (a publication in flight, with its
     * acknowledgements), so that, called while the partitions are revoked, no record of this instance for
     * them reaches the topics after their new owner's: the group assigns them elsewhere only after the
     * revocation returns, and later refreshes here find them gone from the store.
     */
    public void forget(Collection<Integer> partitions) {
        Set<Integer> which = Set.copyOf(partitions);
        try {
            thread.submit(() -> published.keySet().removeIf(key -> which.contains(key.key().partition())))
                    .get(FORGET_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            // shutting down: nothing more is published
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warnf("availability of partitions %s may still be in flight after they were given up: %s", which,
                    e.toString());
        }
    }

    private void publish(PartitionProjection projection, boolean full) {
        ConfigView view = config.current();
        int partition = projection.partition();
        AvailabilityCounter.Counts all = AvailabilityCounter.count(projection, view);
        List<Uni<Void>> sends = new ArrayList<>();
        Map<Published, AvailabilityCounts> sent = new HashMap<>();
        for (int sg : keys(view.all(ConfigKind.SKILL_GROUP), all.bySkillGroup(), false, partition)) {
            AvailabilityCounts counts = all.bySkillGroup().getOrDefault(sg, AvailabilityCounts.ZERO);
            Published record = new Published(false, new AvailabilityKey(sg, partition));
            if (full || !counts.equals(published.get(record))) {
                int mrdId = view.skillGroup(sg).map(SkillGroupConfig::mrdId).orElse(0);
                sends.add(send(skillGroups, record.key().text(), new SkillGroupAvailability(
                        SkillGroupAvailability.SCHEMA_VERSION, sg, mrdId, partition, counts, projection.nextOffset(),
                        projection.lastEventAt())));
                sent.put(record, counts);
            }
        }
        for (int mrd : keys(view.all(ConfigKind.MRD), all.byMrd(), true, partition)) {
            AvailabilityCounts counts = all.byMrd().getOrDefault(mrd, AvailabilityCounts.ZERO);
            Published record = new Published(true, new AvailabilityKey(mrd, partition));
            if (full || !counts.equals(published.get(record))) {
                sends.add(send(mrds, record.key().text(), new MrdAvailability(MrdAvailability.SCHEMA_VERSION, mrd,
                        partition, counts, projection.nextOffset(), projection.lastEventAt())));
                sent.put(record, counts);
            }
        }
        if (sends.isEmpty()) {
            return;
        }
        try {
            Uni.join().all(sends).andFailFast().await().atMost(Duration.ofSeconds(60));
            published.putAll(sent);
        } catch (RuntimeException e) {
            // Left unrecorded, so a refresh sends them again; one is scheduled in case no event comes to do it.
            LOG.errorf(e, "publishing availability of partition %d failed; retrying in %s", partition, RETRY);
            thread.schedule(() -> store.partition(partition).ifPresent(p -> publish(p, false)), RETRY.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Every skill group (MRD) that has, had or may have counts here: the counted, the configured and those published
     * before, so that one falling to zero is published.
     */
    private Set<Integer> keys(Collection<? extends ConfigItem> configured, SortedMap<Integer, AvailabilityCounts> counts,
            boolean mrd, int partition) {
        Set<Integer> keys = new TreeSet<>(counts.keySet());
        configured.forEach(item -> keys.add(item.id()));
        published.keySet().stream().filter(p -> p.mrd() == mrd && p.key().partition() == partition)
                .forEach(p -> keys.add(p.key().id()));
        return keys;
    }

    static Uni<Void> send(MutinyEmitter<String> emitter, String key, Object value) {
        return emitter.sendMessage(Message.of(ContractJson.write(value))
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(key).build()));
    }

    @PreDestroy
    void stop() {
        thread.shutdownNow();
    }
}
