package dev.agentavailability.entrypoint.message;

import dev.agentavailability.entrypoint.PathIds;
import dev.agentavailability.entrypoint.initialize.EntryPointAnswers;
import dev.agentavailability.entrypoint.management.EntryPointCache;
import dev.agentavailability.entrypoint.management.EntryPointView;
import dev.agentavailability.entrypoint.ratelimit.RateLimited;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The chat page's leave-a-message: what a customer writes when no agent can take the chat, kept for supervisors
 * (who read it on the board) instead of a dead end. Public, as chat start is, and rate limited the same way.
 */
@PermitAll
@RateLimited
@Path("/system/egain/chat/entrypoint/{entryPointId}/messages")
public class MessageResource {

    /** The answer: the stored message's id and when it was received. */
    public record Left(long messageId, String receivedAt) {
    }

    private final EntryPointCache entryPoints;
    private final EntryPointAnswers answers;
    private final LeftMessages messages;

    MessageResource(EntryPointCache entryPoints, EntryPointAnswers answers, LeftMessages messages) {
        this.entryPoints = entryPoints;
        this.answers = answers;
        this.messages = messages;
    }

    /** 201 once stored; 400 problem naming each invalid field; 404 for an unknown entry point. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response leave(@PathParam("entryPointId") String entryPointId, @Valid @NotNull MessageRequest body) {
        long id = PathIds.entryPointId(entryPointId);
        EntryPointView entryPoint = entryPoints.find(id).orElseThrow(() -> PathIds.notFound(id));
        MessageView stored = messages.leave(answers.evaluate(entryPoint), body);
        return Response.status(Response.Status.CREATED).entity(new Left(stored.id(), stored.receivedAt().toString()))
                .build();
    }

    /** CORS preflight (the form posts JSON), as for chat start. */
    @OPTIONS
    public Response preflight(@PathParam("entryPointId") String entryPointId) {
        return Response.noContent().build();
    }
}
