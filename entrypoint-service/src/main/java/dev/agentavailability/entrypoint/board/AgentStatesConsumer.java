package dev.agentavailability.entrypoint.board;

import dev.agentavailability.entrypoint.availability.AvailabilityView.Applied;
import dev.agentavailability.kafka.DeadLetter;
import dev.agentavailability.kafka.cdi.DeadLetters;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Reads the compacted agent-state topic from the beginning into {@link AgentStatesView}. A record that cannot be read
 * is dead-lettered with the reason; the channel goes on (nothing here throws).
 */
@ApplicationScoped
public class AgentStatesConsumer {

    private static final Logger LOG = Logger.getLogger(AgentStatesConsumer.class);

    private final AgentStatesView view;
    private final DeadLetters deadLetters;

    AgentStatesConsumer(AgentStatesView view, DeadLetters deadLetters) {
        this.view = view;
        this.deadLetters = deadLetters;
    }

    @Incoming("agent-states")
    public void agentState(ConsumerRecord<String, String> record) {
        try {
            Applied applied = view.apply(record.key(), record.value());
            if (applied.isMalformed()) {
                deadLetters.report(DeadLetter.of(record, applied.error()));
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "failed to apply agent state: topic %s partition %d offset %d key %s", record.topic(),
                    record.partition(), record.offset(), record.key());
            deadLetters.report(DeadLetter.of(record, "could not be applied: " + e));
        }
    }
}
