package dev.agentavailability.router.assignment;

import dev.agentavailability.contract.access.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The waiting chats, their pending assignments and the offers that still hold an agent. */
@RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
@Path("/chats/queue")
@Produces(MediaType.APPLICATION_JSON)
public class ChatQueueResource {

    private final ChatAssigner assigner;

    public ChatQueueResource(ChatAssigner assigner) {
        this.assigner = assigner;
    }

    @GET
    public QueueView queue() {
        return assigner.view();
    }
}
