package dev.agentavailability.projection.entrypoint;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.agentavailability.contract.availability.AvailabilityCounts;
import dev.agentavailability.contract.entrypoint.EntryPointSettings;
import java.util.ArrayList;
import java.time.Instant;
import java.util.List;

/**
 * What an entry point's initialize call answers and why, with the counts and the topic offsets the answer reflects:
 * the entry point service's {@code GET /entry-points/{id}/explain} (now, from memory) and a replay (at an instant,
 * from the topics) build it with {@link #of}, so both read the same. For operators; never part of the public answer.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Explanation(long entryPointId, Instant evaluatedAt, Answer answer, Decision decision, Calendar calendar,
        Queue queue, String scope, boolean active, Counts inScope, List<Source> sources) {

    /** What initialize answers. */
    public record Answer(int responseType, boolean offHours, String offHoursMessage) {
    }

    /** The rule row that decided, and every row in order with whether it applied. */
    public record Decision(String rule, String why, List<Row> rows) {
    }

    public record Row(String rule, int responseType, boolean applies) {
    }

    /** The business-hours decision. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Calendar(boolean configured, boolean open, String timeZone, String localTime, String dayOfWeek,
            boolean holiday, String openInterval, String nextOpening) {
    }

    public record Queue(int depth, int maxQueueDepth, boolean full, int maxWaitSeconds) {
    }

    /** The availability counts the rule reads (no task counts: they do not decide). */
    public record Counts(int loggedIn, int ready, int routable, int available, int busy, int atTaskLimit,
            int domainUnavailable) {

        public static Counts of(AvailabilityCounts c) {
            return new Counts(c.loggedIn(), c.ready(), c.routable(), c.available(), c.busy(), c.atTaskLimit(),
                    c.domainUnavailable());
        }
    }

    /** A skill group (scope SKILL_GROUP) or the MRD (scope MRD), summed over partitions, and each partition. */
    public record Source(String kind, int id, Counts counts, List<PartitionRecord> partitions) {
    }

    /** One record of the availability topic: the agent events up to throughOffset of that partition, as of asOf. */
    public record PartitionRecord(int partition, long throughOffset, Instant asOf, Counts counts) {
    }

    /**
     * Decides with {@link Eligibility} and lays the decision out.
     *
     * @param inScope the counts summed over the scope (what {@code sources} add up to)
     */
    public static Explanation of(long entryPointId, Instant at, EntryPointSettings settings,
            BusinessCalendar.Decision c, int queueDepth, AvailabilityCounts inScope, List<Source> sources) {
        Calendar calendar = new Calendar(c.configured(), c.open(), c.timeZone(),
                c.localTime() == null ? null : c.localTime().toString(),
                c.dayOfWeek() == null ? null : c.dayOfWeek().name(), c.holiday(), c.openInterval(),
                c.nextOpening() == null ? null : c.nextOpening().toOffsetDateTime().toString());
        Eligibility.Situation situation = new Eligibility.Situation(c.open(), settings.active(), queueDepth,
                settings.maxQueueDepth(), inScope);
        Eligibility.Rule rule = Eligibility.decide(situation);
        List<Row> rows = new ArrayList<>();
        for (Eligibility.Rule row : Eligibility.Rule.values()) {
            rows.add(new Row(row.name(), row.responseType().code(), row.appliesTo(situation)));
        }
        return new Explanation(entryPointId, at,
                new Answer(rule.responseType().code(), rule.offHours(), rule.offHours() ? settings.offHoursMessage() : null),
                new Decision(rule.name(), rule.why(), rows), calendar,
                new Queue(queueDepth, settings.maxQueueDepth(), Eligibility.Rule.QUEUE_FULL.appliesTo(situation),
                        settings.maxWaitSeconds()),
                settings.availabilityScope().name(), settings.active(), Counts.of(inScope), sources);
    }
}
