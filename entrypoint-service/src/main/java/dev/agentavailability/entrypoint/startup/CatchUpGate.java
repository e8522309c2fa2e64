package dev.agentavailability.entrypoint.startup;

import dev.agentavailability.rest.Problem;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * Until the availability, chat and entry point topics are read up to their ends at start-up, an
 * {@link AnswersFromViews} call is 503 with {@code Retry-After}: a half-read view would say "no agent available"
 * while agents are, which is the very answer people complain of. Readiness says the same to a load balancer.
 */
@Provider
@AnswersFromViews
@Priority(Priorities.USER)
public class CatchUpGate implements ContainerRequestFilter {

    static final String RETRY_AFTER_SECONDS = "1";

    private final AvailabilityCatchUp catchUp;

    public CatchUpGate(AvailabilityCatchUp catchUp) {
        this.catchUp = catchUp;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (catchUp.caughtUp()) {
            return;
        }
        String detail = "this instance is still reading the availability topics since it started"
                + (catchUp.targetsKnown() ? "" : " (Kafka has not told it their end offsets yet)")
                + "; ask again, or another instance";
        Response answer = Problem.of(Response.Status.SERVICE_UNAVAILABLE, detail).at(request.getUriInfo().getPath())
                .toResponse();
        request.abortWith(Response.fromResponse(answer).header("Retry-After", RETRY_AFTER_SECONDS).build());
    }
}
