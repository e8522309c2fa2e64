package dev.agentavailability.entrypoint.explain;

import dev.agentavailability.entrypoint.PathIds;
import dev.agentavailability.entrypoint.availability.AvailabilityView;
import dev.agentavailability.entrypoint.calendar.BusinessCalendar;
import dev.agentavailability.entrypoint.initialize.Eligibility;
import dev.agentavailability.entrypoint.initialize.EntryPointAnswers;
import dev.agentavailability.entrypoint.management.AvailabilityScope;
import dev.agentavailability.entrypoint.management.EntryPointCache;
import dev.agentavailability.entrypoint.management.EntryPointView;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;

/** {@code GET /entry-points/{id}/explain}: why the entry point answers what it answers, from memory only. */
@Path("/entry-points/{id}/explain")
@Produces(MediaType.APPLICATION_JSON)
public class ExplainResource {

    private final EntryPointCache entryPoints;
    private final EntryPointAnswers answers;
    private final AvailabilityView availability;

    ExplainResource(EntryPointCache entryPoints, EntryPointAnswers answers, AvailabilityView availability) {
        this.entryPoints = entryPoints;
        this.answers = answers;
        this.availability = availability;
    }

    @GET
    public Explanation explain(@PathParam("id") String id) {
        long entryPointId = PathIds.entryPointId(id);
        EntryPointView entryPoint = entryPoints.find(entryPointId).orElseThrow(() -> PathIds.notFound(entryPointId));
        return explain(answers.evaluate(entryPoint));
    }

    Explanation explain(EntryPointAnswers.Evaluation e) {
        EntryPointView ep = e.entryPoint();
        Eligibility.Rule rule = e.rule();
        BusinessCalendar.Decision c = e.calendar();
        Explanation.Calendar calendar = new Explanation.Calendar(c.configured(), c.open(), c.timeZone(),
                c.localTime() == null ? null : c.localTime().toString(),
                c.dayOfWeek() == null ? null : c.dayOfWeek().name(), c.holiday(), c.openInterval(),
                c.nextOpening() == null ? null : c.nextOpening().toOffsetDateTime().toString());
        Eligibility.Situation situation = new Eligibility.Situation(c.open(), ep.active(), e.queueDepth(),
                ep.maxQueueDepth(), e.inScope());
        boolean full = Eligibility.Rule.QUEUE_FULL.appliesTo(situation);
        List<Explanation.Row> rows = new ArrayList<>();
        for (Eligibility.Rule row : Eligibility.Rule.values()) {
            rows.add(row(row, row.appliesTo(situation)));
        }
        return new Explanation(ep.id(), e.at(),
                new Explanation.Answer(rule.responseType().code(), rule.offHours(),
                        rule.offHours() ? ep.offHoursMessage() : null),
                new Explanation.Decision(rule.name(), rule.why(), rows), calendar,
                new Explanation.Queue(e.queueDepth(), ep.maxQueueDepth(), full, ep.maxWaitSeconds()),
                ep.availabilityScope().name(), ep.active(), Explanation.Counts.of(e.inScope()), sources(ep));
    }

    private static Explanation.Row row(Eligibility.Rule rule, boolean applies) {
        return new Explanation.Row(rule.name(), rule.responseType().code(), applies);
    }

    private List<Explanation.Source> sources(EntryPointView ep) {
        List<Explanation.Source> sources = new ArrayList<>();
        if (ep.availabilityScope() == AvailabilityScope.MRD) {
            List<Explanation.PartitionRecord> partitions = new ArrayList<>();
            availability.mrdRecords(ep.mrdId()).forEach((p, r) -> partitions.add(
                    new Explanation.PartitionRecord(p, r.throughOffset(), r.asOf(), Explanation.Counts.of(r.counts()))));
            sources.add(new Explanation.Source("MRD", ep.mrdId(),
                    Explanation.Counts.of(availability.mrd(ep.mrdId())), partitions));
            return sources;
        }
        for (int skillGroupId : ep.skillGroupIds()) {
            List<Explanation.PartitionRecord> partitions = new ArrayList<>();
            availability.skillGroupRecords(skillGroupId).forEach((p, r) -> partitions.add(
                    new Explanation.PartitionRecord(p, r.throughOffset(), r.asOf(), Explanation.Counts.of(r.counts()))));
            sources.add(new Explanation.Source("SKILL_GROUP", skillGroupId,
                    Explanation.Counts.of(availability.skillGroup(skillGroupId)), partitions));
        }
        return sources;
    }
}
