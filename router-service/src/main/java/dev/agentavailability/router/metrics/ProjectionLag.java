package dev.agentavailability.router.metrics;

import dev.agentavailability.kafka.KafkaClients;
import dev.agentavailability.projection.PartitionProjection;
import dev.agentavailability.router.projection.PartitionsOwned;
import dev.agentavailability.router.projection.ProjectionStore;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;

import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Projection lag of each agent-event partition this instance owns, as gauges registered when the partition
 * is assigned and removed when it is revoked:
 * <ul>
 * <li>{@code availability_projection_lag_records{partition}}: records on the topic not applied yet (the
 * partition's end offset minus the projection's next offset);
 * <li>{@code availability_projection_lag_seconds{partition}}: how long the oldest of them has waited, 0 when
 * caught up ({@link PartitionLag}). This is the one to alert on ("availability answers are more than a minute
 * behind the agents"): unlike "now minus the time of the last applied event", it does not grow while the
 * partition is merely quiet (nights, weekends);
 * <li>{@code availability_projection_last_event_timestamp_seconds{partition}}: the {@code occurredAt} of the
 * last applied event, seconds since the epoch, for dashboards and incident timelines; NaN before the first.
 * </ul>
 * End offsets come from one {@code ListOffsets} request for the owned partitions every
 * {@code availability.metrics.projection-lag-interval} (default 5 s) through an admin client of its own, so the
 * consumer's polling thread is never borrowed.
 */
@ApplicationScoped
public class ProjectionLag {

    private static final Logger LOG = Logger.getLogger(ProjectionLag.class);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final MeterRegistry meters;
    private final ProjectionStore store;
    private final KafkaClients kafka;
    private final Duration interval;
    private final Clock clock = Clock.systemUTC();
    private final Map<TopicPartition, Tracked> tracked = new ConcurrentHashMap<>();
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "projection-lag");
        t.setDaemon(true);
        return t;
    });
    /** Used on the sampling thread only. */
    private Admin admin;
    private boolean failing;

    public ProjectionLag(MeterRegistry meters, ProjectionStore store,
            KafkaClients kafka,
            @ConfigProperty(name = "availability.metrics.projection-lag-interval", defaultValue = "5s") Duration interval) {
        this.meters = meters;
        this.store = store;
        this.kafka = kafka;
        this.interval = interval;
    }

    /** One owned partition: its samples and its gauges. */
    private final class Tracked {
        final int partition;
        final PartitionLag lag = new PartitionLag();
        final List<Meter> gauges;

        Tracked(int partition) {
            this.partition = partition;
            this.gauges = List.of(
                    gauge("availability.projection.lag.records",
                            "agent events on the partition not applied to the projection yet",
                            t -> t.nextOffset() < 0 ? Double.NaN : t.lag.records(t.nextOffset())),
                    gauge("availability.projection.lag.seconds",
                            "seconds the oldest agent event not applied yet has waited; 0 when caught up",
                            t -> t.nextOffset() < 0 ? Double.NaN : t.lag.seconds(clock.instant(), t.nextOffset())),
                    gauge("availability.projection.last.event.timestamp.seconds",
                            "occurredAt of the last agent event applied, seconds since the epoch",
                            Tracked::lastEventSeconds));
        }

        private Meter gauge(String name, String description, ToDoubleFunction<Tracked> value) {
            return Gauge.builder(name, this, value).description(description)
                    .tag("partition", Integer.toString(partition)).register(meters);
        }

        long nextOffset() {
            return store.partition(partition).map(PartitionProjection::nextOffset).orElse(-1L);
        }

        double lastEventSeconds() {
            Instant last = store.partition(partition).map(PartitionProjection::lastEventAt).orElse(null);
            return last == null ? Double.NaN : last.toEpochMilli() / 1000.0;
        }
    }

    void onAssigned(@Observes PartitionsOwned.Assigned assigned) {
        track(assigned.partitions());
    }

    void onRevoked(@Observes PartitionsOwned.Revoked revoked) {
        untrack(revoked.partitions());
    }

    /** Partitions assigned to this instance: their gauges appear. */
    public void track(Collection<TopicPartition> partitions) {
        partitions.forEach(tp -> tracked.computeIfAbsent(tp, p -> new Tracked(p.partition())));
        try {
            thread.execute(this::sample); // the lag of a partition just taken over is wanted at once
        } catch (RejectedExecutionException stopping) {
            // shutting down: no more samples
        }
    }

    /**
     * For each owned agent-event partition, the records still to apply before its projection holds what the
     * partition held when this instance took it: 0 once caught up, -1 while its end offset is not known yet.
     */
    public Map<Integer, Long> catchUp() {
        Map<Integer, Long> left = new java.util.TreeMap<>();
        tracked.values().forEach(t -> left.put(t.partition, t.lag.leftToCatchUp(t.nextOffset())));
        return left;
    }

    /** Partitions revoked or lost: their gauges go. */
    public void untrack(Collection<TopicPartition> partitions) {
        for (TopicPartition tp : partitions) {
            Tracked gone = tracked.remove(tp);
            if (gone != null) {
                gone.gauges.forEach(meters::remove);
            }
        }
    }

    void start(@Observes StartupEvent start) {
        thread.scheduleWithFixedDelay(this::sample, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void sample() {
        Map<TopicPartition, Tracked> now = Map.copyOf(tracked);
        if (now.isEmpty()) {
            return;
        }
        try {
            if (admin == null) {
                admin = kafka.admin("router-projection-lag", REQUEST_TIMEOUT);
            }
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin
                    .listOffsets(now.keySet().stream().collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest())))
                    .all().get(REQUEST_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            Instant at = clock.instant();
            ends.forEach((tp, end) -> {
                Tracked t = now.get(tp);
                long next = t.nextOffset();
                if (next >= 0) {
                    t.lag.sampled(at, end.offset(), next);
                }
            });
            if (failing) {
                LOG.info("end offsets of the agent-event partitions are read again: projection lag is current");
                failing = false;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            if (!failing) {
                LOG.warnf("could not read the end offsets of the agent-event partitions; the projection lag gauges "
                        + "use the last ones read until they can be read again: %s", e.toString());
                failing = true;
            }
        }
    }

    @PreDestroy
    void stop() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(REQUEST_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
        }
        untrack(List.copyOf(tracked.keySet()));
    }
}
