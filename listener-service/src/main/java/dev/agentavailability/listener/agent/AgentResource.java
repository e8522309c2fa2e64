package dev.agentavailability.listener.agent;

import dev.agentavailability.contract.arm.ArmMessage;
import dev.agentavailability.projection.AgentState;
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
import jakarta.ws.rs.core.MediaType;

/**
 * Agent actions, as an agent console asks the ECE listener for them; each becomes one ARM event on the
 * agent-event topic. The answer comes once Kafka has acknowledged the event. Actions that carry no body
 * accept any content type; the others read JSON, and their body is optional where the ARM fields have defaults.
 */
@Path("/agents/{icmAgentId}")
@Produces(MediaType.APPLICATION_JSON)
public class AgentResource {

    private final AgentCommands commands;

    public AgentResource(AgentCommands commands) {
        this.commands = commands;
    }

    @GET
    public AgentState agent(@PathParam("icmAgentId") @Positive int icmAgentId) {
        return commands.agent(icmAgentId);
    }

    @POST
    @Path("/mrds/{mrdId}/login")
    @Consumes(MediaType.APPLICATION_JSON)
    public Published login(@PathParam("icmAgentId") @Positive int icmAgentId,
            @PathParam("mrdId") @Positive int mrdId, @Valid @NotNull Bodies.Login body) {
        return commands.run(ArmRequests.login(icmAgentId, mrdId, body));
    }

    @POST
    @Path("/mrds/{mrdId}/logout")
    @Consumes(MediaType.APPLICATION_JSON)
    public Published logout(@PathParam("icmAgentId") @Positive int icmAgentId,
            @PathParam("mrdId") @Positive int mrdId, @Valid Bodies.Logout body) {
        return commands.run(ArmRequests.logout(icmAgentId, mrdId, body));
    }

    @POST
    @Path("/mrds/{mrdId}/routable")
    @Consumes(MediaType.APPLICATION_JSON)
    public Published routable(@PathParam("icmAgentId") @Positive int icmAgentId,
            @PathParam("mrdId") @Positive int mrdId, @Valid @NotNull Bodies.Routable body) {
        return commands.run(ArmRequests.routable(icmAgentId, mrdId, body));
    }

    @POST
    @Path("/mrds/{mrdId}/not-routable")
    public Published notRoutable(@PathParam("icmAgentId") @Positive int icmAgentId,
            @PathParam("mrdId") @Positive int mrdId) {
        return commands.run(ArmRequests.notRoutable(icmAgentId, mrdId));
    }

    @POST
    @Path("/mrds/{mrdId}/ready")
    @Consumes(MediaType.APPLICATION_JSON)
    public Published ready(@PathParam("icmAgentId") @Positive int icmAgentId,
            @PathParam("mrdId") @Positive int mrdId, @Valid Bodies.Ready body) {
        return commands.run(ArmRequests.ready(icmAgentId, mrdId, body));
    }

    @POST
    @Path("/mrds/{mrdId}/not-ready")
    @Consumes(MediaType.APPLICATION_JSON)
    public Published notReady(@PathParam("icmAgentId") @Positive int icmAgentId,
            @PathParam("mrdId") @Positive int mrdId, @Valid Bodies.NotReady body) {
        return commands.run(ArmRequests.notReady(icmAgentId, mrdId, body));
    }

    @PUT
    @Path("/mrds/{mrdId}/task-limit")
    @Consumes(MediaType.APPLICATION_JSON)
    public Published taskLimit(@PathParam("icmAgentId") @Positive int icmAgentId,
            @PathParam("mrdId") @Positive int mrdId, @Valid @NotNull Bodies.TaskLimit body) {
        return commands.run(ArmRequests.taskLimit(icmAgentId, mrdId, body));
    }

    @POST
    @Path("/mrds/{mrdId}/tasks/{taskId}/offer")
    public Published offer(@PathParam("icmAgentId") @Positive int icmAgentId,
            @PathParam("mrdId") @Positive int mrdId, @PathParam("taskId") String taskId) {
        return commands.run(ArmRequests.task(ArmMessage.OFFER_TASK_IND, icmAgentId, mrdId, taskId));
    }

    @POST
    @Path("/mrds/{mrdId}/tasks/{taskId}/start")
    public Published start(@PathParam("icmAgentId") @Positive int icmAgentId,
            @PathParam("mrdId") @Positive int mrdId, @PathParam("taskId") String taskId) {
        return commands.run(ArmRequests.task(ArmMessage.START_TASK_IND, icmAgentId, mrdId, taskId));
    }

    @POST
    @Path("/mrds/{mrdId}/tasks/{taskId}/pause")
    public Published pause(@PathParam("icmAgentId") @Positive int icmAgentId,
            @PathParam("mrdId") @Positive int mrdId, @PathParam("taskId") String taskId) {
        return commands.run(ArmRequests.task(ArmMessage.PAUSE_TASK_IND, icmAgentId, mrdId, taskId));
    }

    @POST
    @Path("/mrds/{mrdId}/tasks/{taskId}/resume")
    public Published resume(@PathParam("icmAgentId") @Positive int icmAgentId,
            @PathParam("mrdId") @Positive int mrdId, @PathParam("taskId") String taskId) {
        return commands.run(ArmRequests.task(ArmMessage.RESUME_TASK_IND, icmAgentId, mrdId, taskId));
    }

    @POST
    @Path("/mrds/{mrdId}/tasks/{taskId}/wrapup")
    public Published wrapup(@PathParam("icmAgentId") @Positive int icmAgentId,
            @PathParam("mrdId") @Positive int mrdId, @PathParam("taskId") String taskId) {
        return commands.run(ArmRequests.task(ArmMessage.WRAPUP_TASK_IND, icmAgentId, mrdId, taskId));
    }

    @POST
    @Path("/mrds/{mrdId}/tasks/{taskId}/end")
    @Consumes(MediaType.APPLICATION_JSON)
    public Published end(@PathParam("icmAgentId") @Positive int icmAgentId,
            @PathParam("mrdId") @Positive int mrdId, @PathParam("taskId") String taskId,
            @Valid Bodies.EndTask body) {
        return commands.run(ArmRequests.endTask(icmAgentId, mrdId, taskId, body));
    }
}
