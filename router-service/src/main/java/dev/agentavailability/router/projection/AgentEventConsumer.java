package dev.agentavailability.router.projection;

import dev.agentavailability.contract.Decoded;
import dev.agentavailability.contract.arm.ArmEvent;
import dev.agentavailability.contract.arm.ArmEventJson;
import dev.agentavailability.kafka.DeadLetter;
import dev.agentavailability.kafka.cdi.DeadLetters;
import dev.agentavailability.projection.AgentState;
import dev.agentavailability.projection.Anomaly;
import dev.agentavailability.projection.PartitionProjection;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Applies batches of agent events to the owned partitions: unreadable records go to the dead-letter topic,
 * illegal ones become anomalies, and the new state is stored with its offsets before the batch is acked. Then one
 * {@link PartitionsApplied} tells snapshots, availability publication and chat assignment what changed.
 * A failure stops the channel (failure-strategy=fail) rather than skip an event.
 *
 * <p>While partitions move between instances, two of them can apply the same records: the old owner
 * finishing a batch it started before the revocation, and the new owner starting from the stored
 * checkpoint. Both compute the same state (it is a function of the records), the database takes the first
 * one stored from each checkpoint ({@link ProjectionRepository#save}), and an instance swaps a state into its
 * {@link ProjectionStore} only if it still owns the partition in the state that was computed from.
 */
@ApplicationScoped
public class AgentEventConsumer {

    public static final String CHANNEL = "agent-events";
    private static final Logger LOG = Logger.getLogger(AgentEventConsumer.class);
    /** Attempts at storing a batch when another instance keeps storing the same partition first. */
    private static final int MAX_ATTEMPTS = 5;

    private final ProjectionStore store;
    private final ProjectionRepository repository;
    private final DeadLetters deadLetters;
    private final Event<PartitionsApplied> applied;
    private final Counter appliedEvents;
    private final Counter refusedEvents;
    private final Counter deadLettered;

    public AgentEventConsumer(ProjectionStore store, ProjectionRepository repository, DeadLetters deadLetters,
            Event<PartitionsApplied> applied, MeterRegistry meters) {
        this.appliedEvents = outcomeCounter(meters, "applied");
        this.refusedEvents = outcomeCounter(meters, "refused");
        this.deadLettered = outcomeCounter(meters, "dead_letter");
        this.store = store;
        this.repository = repository;
        this.deadLetters = deadLetters;
        this.applied = applied;
    }

    private static Counter outcomeCounter(MeterRegistry meters, String outcome) {
        return Counter.builder("availability.agent.events.applied").description("agent events read, by outcome")
                .tag("outcome", outcome).register(meters);
    }

    @Incoming(CHANNEL)
    @Blocking(ordered = true)
    public void consume(ConsumerRecords<String, String> batch) {
        Map<Integer, List<ConsumerRecord<String, String>>> byPartition = new TreeMap<>();
        for (ConsumerRecord<String, String> record : batch) {
            byPartition.computeIfAbsent(record.partition(), p -> new ArrayList<>()).add(record);
        }
        Map<Integer, PartitionProjection> bases = new TreeMap<>();
        // A partition revoked while the batch was in flight is skipped: its new owner applies these records
        // from the stored checkpoint.
        byPartition.keySet().forEach(p -> store.partition(p).ifPresent(base -> bases.put(p, base)));
        List<PartitionsApplied.Stored> stored = new ArrayList<>();
        Map<Integer, PartitionProjection> current = new TreeMap<>();
        Set<String> deadLettered = new HashSet<>();
        for (int attempt = 1; !bases.isEmpty(); attempt++) {
            Map<Integer, Batch> batches = new TreeMap<>();
            List<DeadLetter> letters = new ArrayList<>();
            bases.forEach((p, base) -> {
                Batch part = applyAll(base, byPartition.get(p));
                part.letters().stream().filter(l -> deadLettered.add(l.partition() + "@" + l.offset()))
                        .forEach(letters::add);
                if (part.changes().after().nextOffset() > base.nextOffset()) {
                    batches.put(p, part);
                }
            });
            deadLetters.send(letters);
            Set<Integer> conflicts = batches.isEmpty() ? Set.of()
                    : repository.save(batches.values().stream().map(Batch::changes).toList());
            Map<Integer, PartitionProjection> retry = new TreeMap<>();
            for (Map.Entry<Integer, Batch> entry : batches.entrySet()) {
                int partition = entry.getKey();
                Batch part = entry.getValue();
                PartitionProjection base = bases.get(partition);
                if (!conflicts.contains(partition)) {
                    part.count(this);
                    stored.add(new PartitionsApplied.Stored(part.changes().topic(), base.nextOffset(),
                            part.changes().after(), byPartition.get(partition)));
                    // Not swapped in if the partition was revoked meanwhile: what was stored is a consistent
                    // later state, and whoever owns the partition now finds it when it stores its next batch.
                    if (store.replace(base, part.changes().after())) {
                        current.put(partition, part.changes().after());
                    }
                    continue;
                }
                if (store.partition(partition).orElse(null) != base) {
                    continue; // another instance stored it and this one no longer owns it in that state: done
                }
                // Another batch stored this partition after this one's state was loaded: another instance's, or
                // this instance's own batch that was in flight when the partition was revoked and assigned here
                // again. It applied the same records (the state at an offset is a function of the records):
                // continue from what it stored; the records of this batch below its checkpoint are skipped.
                PartitionProjection reloaded = repository.load(part.changes().topic(), partition);
                LOG.infof("partition %d was stored up to offset %d by another batch while this one applied offsets "
                        + "%d..%d: continuing from the stored state", partition, reloaded.nextOffset(),
                        base.nextOffset(), part.changes().after().nextOffset() - 1);
                if (store.replace(base, reloaded)) {
                    current.put(partition, reloaded);
                    retry.put(partition, reloaded);
                }
            }
            if (!retry.isEmpty() && attempt >= MAX_ATTEMPTS) {
                throw new IllegalStateException("partitions " + retry.keySet() + " kept being stored by another "
                        + "instance; giving up after " + attempt + " attempts");
            }
            bases.clear();
            bases.putAll(retry);
        }
        if (!stored.isEmpty() || !current.isEmpty()) {
            applied.fire(new PartitionsApplied(List.copyOf(stored), List.copyOf(current.values())));
        }
    }

    /** One partition's share of a batch, applied to a copy of its state, and what it counts once stored. */
    private record Batch(ProjectionRepository.PartitionChanges changes, List<DeadLetter> letters,
            int applied, int refused) {

        void count(AgentEventConsumer consumer) {
            consumer.appliedEvents.increment(applied);
            consumer.refusedEvents.increment(refused);
            consumer.deadLettered.increment(letters.size());
        }
    }

    private Batch applyAll(PartitionProjection base, List<ConsumerRecord<String, String>> records) {
        PartitionProjection projection = base.copy();
        Map<Integer, AgentState> changed = new LinkedHashMap<>();
        List<Anomaly> anomalies = new ArrayList<>();
        List<DeadLetter> letters = new ArrayList<>();
        int appliedCount = 0;
        String topic = records.get(0).topic();
        for (ConsumerRecord<String, String> record : records) {
            Decoded<ArmEvent> decoded = ArmEventJson.read(record.value());
            if (!decoded.isValid()) {
                if (projection.skip(record.offset())) {
                    letters.add(DeadLetter.of(record, decoded.error()));
                }
                continue;
            }
            PartitionProjection.Outcome outcome = projection.apply(decoded.value(), record.offset());
            if (outcome instanceof PartitionProjection.Applied applied) {
                changed.put(applied.agent().icmAgentId(), applied.agent());
                appliedCount++;
            } else if (outcome instanceof PartitionProjection.Refused refused) {
                LOG.infof("anomaly at %s-%d@%d: %s", topic, record.partition(), record.offset(),
                        refused.anomaly().reason());
                anomalies.add(refused.anomaly());
            }
        }
        return new Batch(new ProjectionRepository.PartitionChanges(topic, base.nextOffset(), projection,
                changed.values(), anomalies), letters, appliedCount, anomalies.size());
    }
}
