package dev.agentavailability.entrypoint.management;

import dev.agentavailability.contract.access.Roles;
import dev.agentavailability.entrypoint.PathIds;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/** Management API of the entry points. Errors are problem details (rest-support). */
@RolesAllowed(Roles.ADMIN)
@Path("/entry-points")
@Produces(MediaType.APPLICATION_JSON)
public class EntryPointResource {

    private final EntryPointService service;
    private final SecurityIdentity identity;

    EntryPointResource(EntryPointService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @GET
    public List<EntryPointView> list() {
        return service.list();
    }

    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @GET
    @Path("/{id}")
    public EntryPointView get(@PathParam("id") String id) {
        long entryPointId = PathIds.entryPointId(id);
        return service.find(entryPointId).orElseThrow(() -> PathIds.notFound(entryPointId));
    }

    /** Creates (201) or replaces (200) the entry point with this id. */
    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response put(@PathParam("id") String id, @Valid @NotNull EntryPointRequest body, UriInfo uri) {
        long entryPointId = PathIds.entryPointId(id);
        EntryPointService.Saved saved = service.put(entryPointId, body, identity.getPrincipal().getName());
        return saved.created()
                ? Response.created(uri.getAbsolutePath()).entity(saved.entryPoint()).build()
                : Response.ok(saved.entryPoint()).build();
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") String id) {
        long entryPointId = PathIds.entryPointId(id);
        if (!service.delete(entryPointId, identity.getPrincipal().getName())) {
            throw PathIds.notFound(entryPointId);
        }
        return Response.noContent().build();
    }
}
