package dev.agentavailability.entrypoint.initialize;

import dev.agentavailability.contract.availability.AvailabilityCounts;
import dev.agentavailability.contract.entrypoint.AvailabilityScope;
import dev.agentavailability.contract.entrypoint.ResponseType;
import dev.agentavailability.entrypoint.AppClock;
import dev.agentavailability.entrypoint.availability.AvailabilityView;
import dev.agentavailability.entrypoint.queue.ChatQueueView;
import dev.agentavailability.entrypoint.management.EntryPointView;
import dev.agentavailability.projection.entrypoint.BusinessCalendar;
import dev.agentavailability.projection.entrypoint.Eligibility;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * Gathers what {@link Eligibility} needs for an entry point, from memory only (cache, availability view, queue
 * projection, clock): no database, no Kafka.
 */
@ApplicationScoped
public class EntryPointAnswers {

    /** Everything the answer was decided from. */
    public record Evaluation(EntryPointView entryPoint, Instant at, BusinessCalendar.Decision calendar,
            int queueDepth, AvailabilityCounts inScope, Eligibility.Rule rule) {

        public ResponseType responseType() {
            return rule.responseType();
        }

        public InitializeResponse response() {
            return InitializeResponse.of(entryPoint.id(), rule.responseType(),
                    rule.offHours() ? entryPoint.offHoursMessage() : null, entryPoint.chatSettings());
        }
    }

    private final AvailabilityView availability;
    private final ChatQueueView queue;
    private final AppClock clock;

    EntryPointAnswers(AvailabilityView availability, ChatQueueView queue, AppClock clock) {
        this.availability = availability;
        this.queue = queue;
        this.clock = clock;
    }

    public Evaluation evaluate(EntryPointView entryPoint) {
        Instant now = clock.now();
        BusinessCalendar.Decision calendar = entryPoint.calendar().decide(now);
        int depth = queue.depth(entryPoint.id());
        AvailabilityCounts counts = inScope(entryPoint, availability);
        Eligibility.Rule rule = Eligibility.decide(calendar.open(), entryPoint.active(), depth,
                entryPoint.maxQueueDepth(), counts);
        return new Evaluation(entryPoint, now, calendar, depth, counts, rule);
    }

    /** SKILL_GROUP: the sum over the entry point's skill groups; MRD: the MRD topic's total for its MRD. */
    public static AvailabilityCounts inScope(EntryPointView entryPoint, AvailabilityView availability) {
        if (entryPoint.availabilityScope() == AvailabilityScope.MRD) {
            return availability.mrd(entryPoint.mrdId());
        }
        AvailabilityCounts sum = AvailabilityCounts.ZERO;
        for (int skillGroupId : entryPoint.skillGroupIds()) {
            sum = sum.plus(availability.skillGroup(skillGroupId));
        }
        return sum;
    }
}
