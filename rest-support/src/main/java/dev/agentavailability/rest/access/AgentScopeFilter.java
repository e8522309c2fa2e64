package dev.agentavailability.rest.access;

import dev.agentavailability.contract.access.Roles;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.Priority;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.util.Arrays;
import java.util.Optional;

/**
 * The one rule no role annotation can say: on an {@link ActsForAgent} endpoint, a caller that holds none of the
 * endpoint's roles but {@code agent} acts only for its own ICM agent id. Runs before the body is read, so a
 * refused action publishes nothing.
 */
@Provider
@ActsForAgent
@Priority(Priorities.AUTHORIZATION)
public class AgentScopeFilter implements ContainerRequestFilter {

    public static final String AGENT_PATH_PARAMETER = "icmAgentId";

    private final SecurityIdentity identity;
    private final AgentIdentity agents;

    @Context
    ResourceInfo resource;

    public AgentScopeFilter(SecurityIdentity identity, AgentIdentity agents) {
        this.identity = identity;
        this.agents = agents;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (identity.isAnonymous()) {
            throw new UnauthorizedException();
        }
        if (actsForEveryAgent()) {
            return;
        }
        String addressed = request.getUriInfo().getPathParameters().getFirst(AGENT_PATH_PARAMETER);
        Optional<Integer> own = agents.icmAgentId(identity);
        if (own.isEmpty()) {
            throw new ForbiddenException("user " + identity.getPrincipal().getName()
                    + " has the agent role but no ICM agent id (token claim or lab mapping)");
        }
        if (!own.get().toString().equals(addressed)) {
            throw new ForbiddenException("user " + identity.getPrincipal().getName() + " acts for ICM agent "
                    + own.get() + " only, not for agent " + addressed);
        }
    }

    /** True when the caller holds one of the endpoint's roles other than {@code agent}. */
    private boolean actsForEveryAgent() {
        RolesAllowed allowed = resource.getResourceMethod().getAnnotation(RolesAllowed.class);
        if (allowed == null) {
            allowed = resource.getResourceClass().getAnnotation(RolesAllowed.class);
        }
        return allowed != null && Arrays.stream(allowed.value())
                .anyMatch(role -> !role.equals(Roles.AGENT) && identity.hasRole(role));
    }
}
