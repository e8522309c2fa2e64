package dev.agentavailability.router.availability;

import dev.agentavailability.contract.access.Roles;
import dev.agentavailability.contract.availability.AvailabilityCounts;
import dev.agentavailability.projection.AvailabilityCounter;
import dev.agentavailability.projection.ConfigView;
import dev.agentavailability.projection.PartitionProjection;
import dev.agentavailability.router.config.ConfigState;
import dev.agentavailability.router.projection.ProjectionStore;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.function.BiFunction;

/** Availability of a skill group or MRD over the partitions this instance owns, computed now. */
@RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class AvailabilityResource {

    private final ProjectionStore store;
    private final ConfigState config;

    public AvailabilityResource(ProjectionStore store, ConfigState config) {
        this.store = store;
        this.config = config;
    }

    @GET
    @Path("skill-groups/{id}/availability")
    public Map<String, Object> skillGroup(@PathParam("id") int id) {
        return Map.of("skillGroupId", id, "counts", sum(id, AvailabilityCounter::bySkillGroup),
                "partitions", owned());
    }

    @GET
    @Path("mrds/{id}/availability")
    public Map<String, Object> mrd(@PathParam("id") int id) {
        return Map.of("mrdId", id, "counts", sum(id, AvailabilityCounter::byMrd), "partitions", owned());
    }

    private AvailabilityCounts sum(int id,
            BiFunction<PartitionProjection, ConfigView, SortedMap<Integer, AvailabilityCounts>> counter) {
        AvailabilityCounts total = AvailabilityCounts.ZERO;
        for (PartitionProjection p : store.partitions()) {
            total = total.plus(counter.apply(p, config.current()).getOrDefault(id, AvailabilityCounts.ZERO));
        }
        return total;
    }

    private List<Integer> owned() {
        return store.partitions().stream().map(PartitionProjection::partition).toList();
    }
}
