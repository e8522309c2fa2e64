package dev.agentavailability.entrypoint.chat;

import dev.agentavailability.entrypoint.queue.ChatQueueView;
import dev.agentavailability.contract.chat.ChatEvent;
import dev.agentavailability.contract.chat.ChatEventType;
import dev.agentavailability.entrypoint.AppClock;
import dev.agentavailability.entrypoint.PathIds;
import dev.agentavailability.entrypoint.initialize.EntryPointAnswers;
import dev.agentavailability.entrypoint.management.EntryPointCache;
import dev.agentavailability.entrypoint.management.EntryPointView;
import dev.agentavailability.entrypoint.ratelimit.RateLimited;
import dev.agentavailability.entrypoint.startup.AnswersFromViews;
import dev.agentavailability.projection.entrypoint.ChatQueue;
import dev.agentavailability.rest.Problem;
import dev.agentavailability.rest.ProblemException;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Customer chats on an entry point: starting one puts it in the entry point's queue (a STARTED chat event),
 * abandoning one takes it out (ABANDONED). Each call answers only after Kafka acknowledged the event.
 */
@PermitAll
@RateLimited
@AnswersFromViews
@Path("/system/egain/chat/entrypoint/{entryPointId}/chats")
@Produces(MediaType.APPLICATION_JSON)
public class ChatResource {

    /** The answer of a chat start. */
    public record Started(String chatId) {
    }

    /** The answer of an abandon. */
    public record Abandoned(String chatId, String status) {
    }

    private final EntryPointCache entryPoints;
    private final EntryPointAnswers answers;
    private final ChatQueueView queue;
    private final ChatEventPublisher publisher;
    private final AppClock clock;
    /** Starts on one entry point are decided one at a time (on this instance), so the depth limit holds. */
    private final Map<Long, Object> locks = new ConcurrentHashMap<>();

    ChatResource(EntryPointCache entryPoints, EntryPointAnswers answers, ChatQueueView queue,
            ChatEventPublisher publisher, AppClock clock) {
        this.entryPoints = entryPoints;
        this.answers = answers;
        this.queue = queue;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** 201 {"chatId": ...}; 409 problem off hours, when inactive, or when the queue is at its maximum depth. */
    @POST
    public Response start(@PathParam("entryPointId") String entryPointId, UriInfo uri) {
        long id = PathIds.entryPointId(entryPointId);
        EntryPointView entryPoint = entryPoints.find(id).orElseThrow(() -> PathIds.notFound(id));
        ChatEvent started;
        synchronized (locks.computeIfAbsent(id, k -> new Object())) {
            EntryPointAnswers.Evaluation evaluation = answers.evaluate(entryPoint);
            if (!evaluation.rule().chatMayStart()) {
                throw new ProblemException(Problem.of(Response.Status.CONFLICT,
                        "a chat cannot start on entry point " + id + ": " + evaluation.rule().why())
                        .with("entryPointId", id)
                        .with("reason", evaluation.rule().name())
                        .with("responseType", evaluation.responseType().code()));
            }
            started = ChatEvent.started(id, UUID.randomUUID(), entryPoint.mrdId(), entryPoint.skillGroupIds(),
                    clock.now());
            publisher.publish(started);
            queue.applyOwn(started);
        }
        return Response.created(uri.getAbsolutePathBuilder().path(started.chatId().toString()).build())
                .entity(new Started(started.chatId().toString())).build();
    }

    /** 200 when the waiting chat is now abandoned; 404 for a chat not known here; 409 when it no longer waits. */
    @POST
    @Path("/{chatId}/abandon")
    public Abandoned abandon(@PathParam("entryPointId") String entryPointId, @PathParam("chatId") String chatId) {
        long id = PathIds.entryPointId(entryPointId);
        UUID chat = chatId(chatId);
        ChatQueue.Waiting waiting = queue.queue().find(chat);
        if (waiting == null || waiting.entryPointId() != id) {
            if (queue.queue().hasEnded(chat)) {
                throw new ProblemException(Problem.of(Response.Status.CONFLICT,
                        "chat " + chat + " no longer waits (offered, abandoned or timed out)")
                        .with("entryPointId", id).with("chatId", chat.toString()));
            }
            throw new ProblemException(Problem.of(Response.Status.NOT_FOUND,
                    "no waiting chat " + chat + " on entry point " + id)
                    .with("entryPointId", id).with("chatId", chat.toString()));
        }
        int mrdId = entryPoints.find(id).map(EntryPointView::mrdId).orElse(0);
        ChatEvent abandoned = ChatEvent.step(ChatEventType.ABANDONED, id, chat, mrdId, 0, null,
                "the customer left", clock.now());
        publisher.publish(abandoned);
        queue.applyOwn(abandoned);
        return new Abandoned(chat.toString(), ChatEventType.ABANDONED.name());
    }

    @OPTIONS
    public Response preflightStart(@PathParam("entryPointId") String entryPointId) {
        return Response.noContent().build();
    }

    @OPTIONS
    @Path("/{chatId}/abandon")
    public Response preflightAbandon(@PathParam("entryPointId") String entryPointId,
            @PathParam("chatId") String chatId) {
        return Response.noContent().build();
    }

    private static UUID chatId(String raw) {
        try {
            return UUID.fromString(raw);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(Problem.of(Response.Status.BAD_REQUEST,
                    "chat id must be a UUID, got '" + raw + "'"));
        }
    }
}
