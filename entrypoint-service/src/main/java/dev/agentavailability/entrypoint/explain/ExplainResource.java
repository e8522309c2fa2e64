package dev.agentavailability.entrypoint.explain;

import dev.agentavailability.contract.access.Roles;
import dev.agentavailability.contract.entrypoint.AvailabilityScope;
import dev.agentavailability.entrypoint.PathIds;
import dev.agentavailability.entrypoint.availability.AvailabilityView;
import dev.agentavailability.entrypoint.initialize.EntryPointAnswers;
import dev.agentavailability.entrypoint.management.EntryPointCache;
import dev.agentavailability.entrypoint.management.EntryPointView;
import dev.agentavailability.projection.entrypoint.Explanation;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;

/** {@code GET /entry-points/{id}/explain}: why the entry point answers what it answers, from memory only. */
@RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
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
        return Explanation.of(ep.id(), e.at(), ep.settings(), e.calendar(), e.queueDepth(), e.inScope(), sources(ep));
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
