package dev.agentavailability.entrypoint.ratelimit;

import dev.agentavailability.rest.Problem;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.concurrent.TimeUnit;

/**
 * Refuses a {@link RateLimited} call with 429 and {@code Retry-After} once its client address has used its
 * bucket. The address is the connection's peer, or the forwarded client's where
 * {@code quarkus.http.proxy.proxy-address-forwarding} trusts the proxy in front.
 */
@Provider
@RateLimited
@Priority(Priorities.AUTHENTICATION - 100)
public class ClientRateLimitFilter implements ContainerRequestFilter {

    private final ClientRateLimit limit;

    @Context
    HttpServerRequest http;

    public ClientRateLimitFilter(ClientRateLimit limit) {
        this.limit = limit;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String client = http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress();
        long wait = limit.take(client);
        if (wait > 0) {
            long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(wait + 999_999_999L));
            RateLimitSettings settings = limit.settings();
            Response answer = Problem.of(Response.Status.TOO_MANY_REQUESTS, "more than " + settings.burst()
                    + " calls at once or " + settings.perSecond() + " a second from " + client + "; retry in "
                    + seconds + " s").at(request.getUriInfo().getPath()).toResponse();
            request.abortWith(Response.fromResponse(answer).header("Retry-After", Long.toString(seconds)).build());
        }
    }
}
