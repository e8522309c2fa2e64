package dev.agentavailability.entrypoint.availability;

import dev.agentavailability.entrypoint.startup.AvailabilityCatchUp;
import dev.agentavailability.kafka.DeadLetter;
import dev.agentavailability.kafka.cdi.DeadLetters;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Reads the compacted availability topics from the beginning into {@link AvailabilityView}. A record that cannot be
 * read or applied is dead-lettered with the reason and counted; it never stops the channel (nothing here throws).
 */
@ApplicationScoped
public class AvailabilityConsumer {

    private static final Logger LOG = Logger.getLogger(AvailabilityConsumer.class);

    private final AvailabilityView view;
    private final AvailabilityCatchUp catchUp;
    private final AtomicLong failed = new AtomicLong();
    private final DeadLetters deadLetters;
    private final AvailabilityGauges gauges;

    AvailabilityConsumer(AvailabilityView view, AvailabilityCatchUp catchUp, DeadLetters deadLetters,
            AvailabilityGauges gauges) {
        this.deadLetters = deadLetters;
        this.gauges = gauges;
        this.view = view;
        this.catchUp = catchUp;
    }

    @Incoming("skill-group-availability")
    public void skillGroup(ConsumerRecord<String, String> record) {
        handle(record, view::applySkillGroup);
        gauges.skillGroupRecord(record.key());
    }

    @Incoming("mrd-availability")
    public void mrd(ConsumerRecord<String, String> record) {
        handle(record, view::applyMrd);
        gauges.mrdRecord(record.key());
    }

    /** Records whose application failed unexpectedly (a bug, not a malformed record). */
    public long failedRecords() {
        return failed.get();
    }

    private void handle(ConsumerRecord<String, String> record,
            BiFunction<String, String, AvailabilityView.Applied> apply) {
        try {
            AvailabilityView.Applied applied = apply.apply(record.key(), record.value());
            if (applied.isMalformed()) {
                deadLetters.report(DeadLetter.of(record, applied.error()));
            }
        } catch (RuntimeException e) {
            failed.incrementAndGet();
            LOG.errorf(e, "failed to apply availability record: topic %s partition %d offset %d key %s",
                    record.topic(), record.partition(), record.offset(), record.key());
            deadLetters.report(DeadLetter.of(record, "could not be applied: " + e));
        } finally {
            catchUp.seen(record.topic(), record.partition(), record.offset());
        }
    }
}
