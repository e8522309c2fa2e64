package dev.agentavailability.router.projection;

import dev.agentavailability.contract.access.Roles;
import dev.agentavailability.projection.AgentState;
import dev.agentavailability.projection.Anomaly;
import dev.agentavailability.projection.PartitionProjection;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/** The raw projection of the owned partitions with their offsets, and the anomalies recorded. */
@RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
@Path("/projection")
@Produces(MediaType.APPLICATION_JSON)
public class ProjectionResource {

    public record PartitionView(int partition, long nextOffset, long anomalies, Instant lastEventAt,
            Set<Integer> unavailableDomains, Collection<AgentState> agents) {
    }

    private final ProjectionStore store;
    private final ProjectionRepository repository;

    public ProjectionResource(ProjectionStore store, ProjectionRepository repository) {
        this.store = store;
        this.repository = repository;
    }

    @GET
    public List<PartitionView> partitions() {
        return store.partitions().stream().map(ProjectionResource::view).toList();
    }

    @GET
    @Path("/anomalies")
    public List<Anomaly> anomalies(@QueryParam("limit") @DefaultValue("100") @Min(1) @Max(10_000) int limit) {
        return repository.recentAnomalies(limit);
    }

    static PartitionView view(PartitionProjection p) {
        return new PartitionView(p.partition(), p.nextOffset(), p.anomalies(), p.lastEventAt(), p.unavailableDomains(),
                p.agents());
    }
}
