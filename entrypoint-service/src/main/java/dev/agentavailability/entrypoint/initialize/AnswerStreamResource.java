package dev.agentavailability.entrypoint.initialize;

import dev.agentavailability.entrypoint.PathIds;
import dev.agentavailability.entrypoint.board.BoardFeed;
import dev.agentavailability.entrypoint.management.EntryPointCache;
import dev.agentavailability.entrypoint.ratelimit.RateLimited;
import dev.agentavailability.entrypoint.startup.AnswersFromViews;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.PermitAll;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestStreamElementType;

/**
 * The initialize answer of one entry point as server-sent events: the answer now, then each time it changes. A chat
 * page shows or hides its chat button live instead of calling initialize again. Each event is exactly the initialize
 * body (JSON; the stream element type is text so it is sent as written), so it carries no agent counts either.
 */
@PermitAll
@RateLimited
@AnswersFromViews
@Path("/system/egain/chat/entrypoint/{entryPointId}/answers")
public class AnswerStreamResource {

    private final EntryPointCache entryPoints;
    private final BoardFeed feed;

    AnswerStreamResource(EntryPointCache entryPoints, BoardFeed feed) {
        this.entryPoints = entryPoints;
        this.feed = feed;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.TEXT_PLAIN)
    public Multi<String> answers(@PathParam("entryPointId") String entryPointId, @Context HttpServerRequest http) {
        long id = PathIds.entryPointId(entryPointId);
        entryPoints.find(id).orElseThrow(() -> PathIds.notFound(id));
        // the same client address as the rate limit's (the forwarded one where a trusted proxy says so)
        return feed.answers(id, http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress());
    }

    /** CORS preflight, as for initialize. */
    @OPTIONS
    public Response preflight(@PathParam("entryPointId") String entryPointId) {
        return Response.noContent().build();
    }
}
