package dev.agentavailability.router.projection;

import dev.agentavailability.contract.Decoded;
import dev.agentavailability.contract.arm.ArmEvent;
import dev.agentavailability.contract.arm.ArmEventJson;
import dev.agentavailability.projection.AgentState;
import dev.agentavailability.projection.Anomaly;
import dev.agentavailability.projection.PartitionProjection;
import dev.agentavailability.router.assignment.AgentEventsApplied;
import dev.agentavailability.router.availability.AvailabilityPublisher;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Applies batches of agent events to the owned partitions: unreadable records go to the dead-letter topic,
 * illegal ones become anomalies, and the new state is stored with its offsets before the batch is acked.
 * A failure stops the channel (failure-strategy=fail) rather than skip an event.
 */
@ApplicationScoped
public class AgentEventConsumer {

    public static final String CHANNEL = "agent-events";
    private static final Logger LOG = Logger.getLogger(AgentEventConsumer.class);

    private final ProjectionStore store;
    private final ProjectionRepository repository;
    private final DeadLetters deadLetters;
    private final AvailabilityPublisher availability;
    private final Event<AgentEventsApplied> applied;
    private final Counter appliedEvents;
    private final Counter refusedEvents;
    private final Counter deadLettered;

    public AgentEventConsumer(ProjectionStore store, ProjectionRepository repository, DeadLetters deadLetters,
            AvailabilityPublisher availability, Event<AgentEventsApplied> applied, MeterRegistry meters) {
        this.appliedEvents = outcomeCounter(meters, "applied");
        this.refusedEvents = outcomeCounter(meters, "refused");
        this.deadLettered = outcomeCounter(meters, "dead_letter");
        this.store = store;
        this.repository = repository;
        this.deadLetters = deadLetters;
        this.availability = availability;
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
        List<ProjectionRepository.PartitionChanges> changes = new ArrayList<>();
        List<DeadLetters.DeadLetter> letters = new ArrayList<>();
        for (Map.Entry<Integer, List<ConsumerRecord<String, String>>> entry : byPartition.entrySet()) {
            PartitionProjection current = store.partition(entry.getKey()).orElse(null);
            if (current == null) {
                // Revoked while the batch was in flight: its new owner applies these records from its checkpoint.
                continue;
            }
            changes.add(applyAll(current.copy(), entry.getValue(), letters));
        }
        deadLetters.send(letters);
        repository.save(changes);
        changes.forEach(c -> store.put(c.after()));
        availability.refresh(changes.stream().map(c -> c.after().partition()).collect(TreeSet::new, TreeSet::add,
                TreeSet::addAll), false);
        if (!changes.isEmpty()) {
            applied.fire(new AgentEventsApplied());
        }
    }

    private ProjectionRepository.PartitionChanges applyAll(PartitionProjection projection,
            List<ConsumerRecord<String, String>> records, List<DeadLetters.DeadLetter> letters) {
        Map<Integer, AgentState> changed = new LinkedHashMap<>();
        List<Anomaly> anomalies = new ArrayList<>();
        String topic = records.get(0).topic();
        for (ConsumerRecord<String, String> record : records) {
            Decoded<ArmEvent> decoded = ArmEventJson.read(record.value());
            if (!decoded.isValid()) {
                if (projection.skip(record.offset())) {
                    LOG.warnf("agent event %s-%d@%d is malformed, sent to the dead-letter topic: %s", topic,
                            record.partition(), record.offset(), decoded.error());
                    letters.add(new DeadLetters.DeadLetter(topic, record.partition(), record.offset(),
                            record.key(), record.value(), decoded.error()));
                    deadLettered.increment();
                }
                continue;
            }
            PartitionProjection.Outcome outcome = projection.apply(decoded.value(), record.offset());
            if (outcome instanceof PartitionProjection.Applied applied) {
                changed.put(applied.agent().icmAgentId(), applied.agent());
                appliedEvents.increment();
            } else if (outcome instanceof PartitionProjection.Refused refused) {
                LOG.infof("anomaly at %s-%d@%d: %s", topic, record.partition(), record.offset(),
                        refused.anomaly().reason());
                anomalies.add(refused.anomaly());
                refusedEvents.increment();
            }
        }
        return new ProjectionRepository.PartitionChanges(topic, projection, changed.values(), anomalies);
    }
}
