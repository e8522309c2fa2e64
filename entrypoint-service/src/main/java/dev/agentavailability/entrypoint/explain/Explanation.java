package dev.agentavailability.entrypoint.explain;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.agentavailability.contract.availability.AvailabilityCounts;
import java.time.Instant;
import java.util.List;

/**
 * The answer of {@code GET /entry-points/{id}/explain}: what the initialize call answers now and why, with the counts
 * and the topic offsets the answer reflects. For operators; never part of the public answer.
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
}
