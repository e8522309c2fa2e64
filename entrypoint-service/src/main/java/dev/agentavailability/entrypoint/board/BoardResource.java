package dev.agentavailability.entrypoint.board;

import dev.agentavailability.contract.access.Roles;
import dev.agentavailability.entrypoint.PathIds;
import dev.agentavailability.entrypoint.explain.ExplainResource;
import dev.agentavailability.entrypoint.message.LeftMessages;
import dev.agentavailability.entrypoint.message.MessageView;
import dev.agentavailability.projection.entrypoint.Explanation;
import dev.agentavailability.kafka.TopicReader;
import dev.agentavailability.replay.TopicReplay;
import dev.agentavailability.rest.Problem;
import dev.agentavailability.rest.ProblemException;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jboss.resteasy.reactive.RestStreamElementType;

/**
 * The supervisor board: its page, its live stream, and what a click on an agent or an entry point opens. The page is
 * served here rather than as a static file so that it has the same roles as its data.
 */
@RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
@Path("/board")
public class BoardResource {

    private static final String PAGE = text("board/index.html");
    private static final String SCRIPT = text("board/board.js");
    private static final String STYLE = text("board/board.css");

    private final BoardFeed feed;
    private final AgentDetails agents;
    private final ExplainResource explain;
    private final LeftMessages messages;

    BoardResource(BoardFeed feed, AgentDetails agents, ExplainResource explain, LeftMessages messages) {
        this.feed = feed;
        this.agents = agents;
        this.explain = explain;
        this.messages = messages;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public String page() {
        return PAGE;
    }

    @GET
    @Path("/board.js")
    @Produces("text/javascript")
    public String script() {
        return SCRIPT;
    }

    @GET
    @Path("/board.css")
    @Produces("text/css")
    public String style() {
        return STYLE;
    }

    /** Server-sent events: a {@code snapshot} message, then {@code changes} messages (see {@link BoardUpdate}). */
    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.TEXT_PLAIN)
    public Multi<String> stream() {
        return feed.board();
    }

    /** The stream's snapshot, once. */
    @GET
    @Path("/state")
    @Produces(MediaType.APPLICATION_JSON)
    public BoardUpdate state() {
        return feed.state();
    }

    /** rttest's lines and the last events of one agent, rebuilt from the topics. */
    @GET
    @Path("/agents/{icmAgentId}")
    @Produces(MediaType.APPLICATION_JSON)
    @Blocking
    public AgentDetails.Details agent(@PathParam("icmAgentId") String icmAgentId) {
        int id = PathIds.agentId(icmAgentId);
        try {
            return agents.of(id).orElseThrow(() -> new ProblemException(Problem.of(Response.Status.NOT_FOUND,
                    "agent " + id + " has no event on the agent-event topic")));
        } catch (AgentDetails.Busy busy) {
            throw new ProblemException(Problem.of(Response.Status.SERVICE_UNAVAILABLE, busy.getMessage())
                    .withHeader("Retry-After", "2"));
        } catch (TopicReplay.ReplayException | TopicReader.TopicReadException e) {
            throw new ProblemException(Problem.of(Response.Status.SERVICE_UNAVAILABLE,
                    "the topics could not be read: " + e.getMessage()).withHeader("Retry-After", "5"));
        }
    }

    /** Why the entry point answers what it answers (as {@code /entry-points/{id}/explain}). */
    @GET
    @Path("/entry-points/{id}/explain")
    @Produces(MediaType.APPLICATION_JSON)
    public Explanation explain(@PathParam("id") String id) {
        return explain.explain(id);
    }

    /** The messages customers left, newest first. */
    @GET
    @Path("/messages")
    @Produces(MediaType.APPLICATION_JSON)
    @Blocking
    public List<MessageView> messages(@QueryParam("limit") String limit) {
        return messages.newest(limit == null ? 100 : PathIds.number("limit", limit, 1, 1000));
    }

    private static String text(String resource) {
        try (InputStream in = BoardResource.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
