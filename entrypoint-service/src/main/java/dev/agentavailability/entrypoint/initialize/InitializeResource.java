package dev.agentavailability.entrypoint.initialize;

import dev.agentavailability.entrypoint.PathIds;
import dev.agentavailability.entrypoint.availability.AvailabilityView;
import dev.agentavailability.entrypoint.management.EntryPointCache;
import dev.agentavailability.entrypoint.management.EntryPointView;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The public ECE chat entry point API. Answers from memory only: it never touches the database. */
@Path("/system/egain/chat/entrypoint")
public class InitializeResource {

    private final EntryPointCache entryPoints;
    private final AvailabilityView availability;

    InitializeResource(EntryPointCache entryPoints, AvailabilityView availability) {
        this.entryPoints = entryPoints;
        this.availability = availability;
    }

    @GET
    @Path("/initialize/{entryPointId}")
    @Produces(MediaType.APPLICATION_JSON)
    @NonBlocking
    public InitializeResponse initialize(@PathParam("entryPointId") String entryPointId) {
        long id = PathIds.entryPointId(entryPointId);
        EntryPointView entryPoint = entryPoints.find(id).orElseThrow(() -> PathIds.notFound(id));
        ResponseType responseType = Eligibility.decide(entryPoint, availability::skillGroup);
        return InitializeResponse.of(id, responseType, ChatSettings.DEFAULTS);
    }
}
