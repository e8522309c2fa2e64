package dev.agentavailability.listener.apppath;

import dev.agentavailability.contract.access.Roles;
import dev.agentavailability.contract.arm.ArmFields;
import dev.agentavailability.contract.arm.ArmMessage;
import dev.agentavailability.listener.agent.AgentCommands;
import dev.agentavailability.listener.agent.ArmRequest;
import dev.agentavailability.listener.agent.Published;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * An application path reports an MRD's domain (un)available (rttest flag D): one APP_PATH_DOMAIN_STATUS_EVENT,
 * written to every partition of the agent-event topic because it concerns every agent of the MRD. The answer
 * lists every record written.
 */
@RolesAllowed({Roles.ECE_LISTENER, Roles.ADMIN})
@Path("/application-paths/{applicationPathId}/mrds/{mrdId}/domain-status")
@Produces(MediaType.APPLICATION_JSON)
public class DomainStatusResource {

    /** The body: whether the MRD's domain is available on the path. */
    public record DomainStatus(@NotNull Boolean domainAvailable) {
    }

    private final AgentCommands commands;

    public DomainStatusResource(AgentCommands commands) {
        this.commands = commands;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Published report(@PathParam("applicationPathId") @Positive int applicationPathId,
            @PathParam("mrdId") @Positive int mrdId, @Valid @NotNull DomainStatus body) {
        // A server-side report: no invoke id, no agent.
        return commands.run(new ArmRequest(ArmMessage.APP_PATH_DOMAIN_STATUS_EVENT, 0L, 0, mrdId,
                ArmFields.domainStatus(applicationPathId, body.domainAvailable())));
    }
}
