package dev.agentavailability.listener.agent;

import dev.agentavailability.contract.access.Roles;
import dev.agentavailability.projection.AgentState;
import dev.agentavailability.rest.access.ActsForAgent;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/**
 * Agent actions, as an agent console asks the ECE listener for them; each becomes one ARM event on the
 * agent-event topic. The answer comes once Kafka has acknowledged the event. Actions that carry no body
 * accept any content type; the others read JSON, and their body is optional where the ARM fields have defaults.
 * Several actions share one method whose path segment names the ARM message ({@link ArmRequests}).
 */
@ActsForAgent
@RolesAllowed({Roles.AGENT, Roles.ECE_LISTENER, Roles.ADMIN})
@Path("/agents/{icmAgentId}")
@Produces(MediaType.APPLICATION_JSON)
public class AgentResource {

    private final AgentCommands commands;
    private final SecurityIdentity caller;
    private final HttpHeaders headers;

    public AgentResource(AgentCommands commands, SecurityIdentity caller, HttpHeaders headers) {
        this.caller = caller;
        this.headers = headers;
        this.commands = commands;
    }

    /** Memory only, so on the event loop: it answers even while slow publishes hold every worker thread. */
    @RolesAllowed({Roles.AGENT, Roles.ECE_LISTENER, Roles.SUPERVISOR, Roles.ADMIN})
    @GET
    @NonBlocking
    public AgentState agent(@PathParam("icmAgentId") @Positive int icmAgentId) {
        return commands.agent(icmAgentId);
    }

    @POST
    @Path("/mrds/{mrdId}/login")
    @Consumes(MediaType.APPLICATION_JSON)
    public Published login(@PathParam("icmAgentId") @Positive int icmAgentId,
            @PathParam("mrdId") @Positive int mrdId, @Valid @NotNull Bodies.Login body) {
        return run(ArmRequests.login(icmAgentId, mrdId, body));
    }

    @POST
    @Path("/mrds/{mrdId}/logout")
    @Consumes(MediaType.APPLICATION_JSON)
    public Published logout(@PathParam("icmAgentId") @Positive int icmAgentId,
            @PathParam("mrdId") @Positive int mrdId, @Valid Bodies.Logout body) {
        return run(ArmRequests.logout(icmAgentId, mrdId, body));
    }

    @POST
    @Path("/mrds/{mrdId}/routable")
    @Consumes(MediaType.APPLICATION_JSON)
    public Published routable(@PathParam("icmAgentId") @Positive int icmAgentId,
            @PathParam("mrdId") @Positive int mrdId, @Valid @NotNull Bodies.Routable body) {
        return run(ArmRequests.routable(icmAgentId, mrdId, body));
    }

    @POST
    @Path("/mrds/{mrdId}/not-routable")
    public Published notRoutable(@PathParam("icmAgentId") @Positive int icmAgentId,
            @PathParam("mrdId") @Positive int mrdId) {
        return run(ArmRequests.notRoutable(icmAgentId, mrdId));
    }

    @POST
    @Path("/mrds/{mrdId}/ready")
    @Consumes(MediaType.APPLICATION_JSON)
    public Published ready(@PathParam("icmAgentId") @Positive int icmAgentId,
            @PathParam("mrdId") @Positive int mrdId, @Valid Bodies.Ready body) {
        return run(ArmRequests.ready(icmAgentId, mrdId, body));
    }

    @POST
    @Path("/mrds/{mrdId}/not-ready")
    @Consumes(MediaType.APPLICATION_JSON)
    public Published notReady(@PathParam("icmAgentId") @Positive int icmAgentId,
            @PathParam("mrdId") @Positive int mrdId, @Valid Bodies.NotReady body) {
        return run(ArmRequests.notReady(icmAgentId, mrdId, body));
    }

    /** AGENT_INTERRUPT_ACCEPTED_IND, AGENT_INTERRUPT_UNACCEPTED_IND, AGENT_INTERRUPT_DONE_ACCEPTED_IND. */
    @POST
    @Path("/mrds/{mrdId}/{action: " + ArmRequests.INTERRUPT_ACTIONS + "}")
    public Published interrupt(@PathParam("icmAgentId") @Positive int icmAgentId,
            @PathParam("mrdId") @Positive int mrdId, @PathParam("action") String action) {
        return run(ArmRequests.interrupt(action, icmAgentId, mrdId));
    }

    @PUT
    @Path("/mrds/{mrdId}/task-limit")
    @Consumes(MediaType.APPLICATION_JSON)
    public Published taskLimit(@PathParam("icmAgentId") @Positive int icmAgentId,
            @PathParam("mrdId") @Positive int mrdId, @Valid @NotNull Bodies.TaskLimit body) {
        return run(ArmRequests.taskLimit(icmAgentId, mrdId, body));
    }

    /** OFFER/START/PAUSE/RESUME/WRAPUP_TASK_IND; OFFER/START_APPLICATION_TASK_REQ for tasks the application chose. */
    @POST
    @Path("/mrds/{mrdId}/tasks/{taskId}/{action: " + ArmRequests.TASK_ACTIONS + "}")
    public Published task(@PathParam("icmAgentId") @Positive int icmAgentId,
            @PathParam("mrdId") @Positive int mrdId, @PathParam("taskId") String taskId,
            @PathParam("action") String action) {
        return run(ArmRequests.task(ArmRequests.taskAction(action), icmAgentId, mrdId, taskId));
    }

    @POST
    @Path("/mrds/{mrdId}/tasks/{taskId}/end")
    @Consumes(MediaType.APPLICATION_JSON)
    public Published end(@PathParam("icmAgentId") @Positive int icmAgentId,
            @PathParam("mrdId") @Positive int mrdId, @PathParam("taskId") String taskId,
            @Valid Bodies.EndTask body) {
        return run(ArmRequests.endTask(icmAgentId, mrdId, taskId, body));
    }

    /** Runs the action; with an {@value IdempotentActions#HEADER} header, as an idempotent one. */
    private Published run(ArmRequest request) {
        return commands.run(request, IdempotentActions.eventId(caller.getPrincipal().getName(),
                headers.getHeaderString(IdempotentActions.HEADER)));
    }
}
