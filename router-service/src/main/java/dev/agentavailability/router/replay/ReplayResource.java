package dev.agentavailability.router.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentavailability.contract.ContractJson;
import dev.agentavailability.contract.access.Roles;
import dev.agentavailability.kafka.TopicReader;
import dev.agentavailability.projection.entrypoint.Explanation;
import dev.agentavailability.replay.AvailabilitySeries;
import dev.agentavailability.replay.EntryPointEvents;
import dev.agentavailability.replay.EntryPointExplainer;
import dev.agentavailability.replay.ReplayState;
import dev.agentavailability.replay.ReplayViews;
import dev.agentavailability.replay.ReportListener;
import dev.agentavailability.replay.TimeInState;
import dev.agentavailability.replay.TimelineListener;
import dev.agentavailability.replay.TimelinePage;
import dev.agentavailability.replay.TopicReplay;
import dev.agentavailability.rest.Problem;
import dev.agentavailability.rest.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.function.Supplier;

/**
 * Incident reconstruction over HTTP, as {@code availctl replay} and {@code availctl report} do it: the state of an
 * agent, a skill group or an entry point at an instant, a timeline of changes, time in state, and an HTML page
 * with charts. Each call reads the topics with its own consumer (no group, no commits): the live projection of
 * this router is neither read nor disturbed.
 */
@RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
@Path("/replay")
public class ReplayResource {

    /** A timeline replays every event up to its end; a longer window is refused rather than left to time out. */
    static final Duration MAX_WINDOW = Duration.ofDays(7);
    static final Duration DEFAULT_PAGE_WINDOW = Duration.ofHours(1);

    private final ReplaySources sources;

    ReplayResource(ReplaySources sources) {
        this.sources = sources;
    }

    @GET
    @Path("/agents/{id}")
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
    public Response agent(@PathParam("id") int agentId, @QueryParam("at") String at,
            @HeaderParam("Accept") String accept) {
        ReplayState state = stateAt(instant("at", at));
        boolean text = accept != null && accept.startsWith(MediaType.TEXT_PLAIN);
        if (text) {
            return Response.ok(ReplayViews.agentRttest(state, agentId).orElseThrow(() -> noAgent(agentId, state)),
                    MediaType.TEXT_PLAIN).build();
        }
        return Response.ok(ReplayViews.agent(state, agentId).orElseThrow(() -> noAgent(agentId, state)),
                MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("/skill-groups/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public ObjectNode skillGroup(@PathParam("id") int skillGroupId, @QueryParam("at") String at) {
        ReplayState state = stateAt(instant("at", at));
        return ReplayViews.skillGroup(state, skillGroupId).orElseThrow(() -> notFound("skill group " + skillGroupId
                + " was not configured at " + state.at()));
    }

    @GET
    @Path("/entry-points/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Explanation entryPoint(@PathParam("id") long entryPointId, @QueryParam("at") String at) {
        Instant instant = instant("at", at);
        ReplayState state = stateAt(instant);
        EntryPointEvents events = kafka(() -> EntryPointEvents.read(sources.entryPointSource(), instant));
        return EntryPointExplainer.explain(entryPointId, instant, events.stateAt(instant), state.partitions(),
                state.config()).orElseThrow(() -> notFound("entry point " + entryPointId + " did not exist at "
                        + instant));
    }

    @GET
    @Path("/timeline")
    @Produces(MediaType.APPLICATION_JSON)
    public ObjectNode timeline(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("agent") Integer agent, @QueryParam("skillGroup") Integer skillGroup) {
        Instant start = instant("from", from);
        Instant end = window(start, instant("to", to));
        if ((agent == null) == (skillGroup == null)) {
            throw badRequest("give exactly one of agent and skillGroup");
        }
        TimelineListener listener = agent != null ? TimelineListener.forAgent(start, agent)
                : TimelineListener.forSkillGroup(start, skillGroup);
        ReplayState state = kafka(() -> sources.replay().replayEvents(end, listener));
        listener.finish(state);
        ObjectNode root = ContractJson.mapper().createObjectNode();
        root.put("from", start.toString());
        root.put("to", end.toString());
        root.set("lines", ContractJson.mapper().valueToTree(listener.lines()));
        return root;
    }

    @GET
    @Path("/time-in-state")
    @Produces(MediaType.APPLICATION_JSON)
    public JsonNode timeInState(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("agent") Integer agent, @QueryParam("skillGroup") Integer skillGroup) {
        Instant start = instant("from", from);
        Instant end = window(start, instant("to", to));
        ReportListener listener = new ReportListener(start, end);
        ReplayState state = kafka(() -> sources.replay().replayEvents(end, listener));
        return TimeInState.json(listener.finish(state), state, agent, skillGroup);
    }

    /**
     * The chart page: available agents per skill group, queue depth and initialize answer per entry point. Without
     * {@code from} and {@code to} it shows the last hour, so a link from the landing page needs no instants.
     */
    @GET
    @Path("/timeline.html")
    @Produces(MediaType.TEXT_HTML)
    public String timelinePage(@QueryParam("from") String from, @QueryParam("to") String to) {
        Instant end = to == null || to.isBlank() ? Instant.now() : instant("to", to);
        Instant start = from == null || from.isBlank() ? end.minus(DEFAULT_PAGE_WINDOW) : instant("from", from);
        window(start, end);
        return TimelinePage.render(series(start, end), "Availability from " + start + " to " + end);
    }

    /** The numbers behind the page, for other tools. */
    @GET
    @Path("/series")
    @Produces(MediaType.APPLICATION_JSON)
    public AvailabilitySeries.Series seriesJson(@QueryParam("from") String from, @QueryParam("to") String to) {
        Instant start = instant("from", from);
        return series(start, window(start, instant("to", to)));
    }

    private AvailabilitySeries.Series series(Instant start, Instant end) {
        EntryPointEvents events = kafka(() -> EntryPointEvents.read(sources.entryPointSource(), end));
        AvailabilitySeries listener = new AvailabilitySeries(start, end, events);
        kafka(() -> sources.replay().replayEvents(end, listener));
        return listener.finish();
    }

    private ReplayState stateAt(Instant at) {
        return kafka(() -> sources.replay().toInstant(at));
    }

    private static <T> T kafka(Supplier<T> read) {
        try {
            return read.get();
        } catch (TopicReplay.ReplayException | TopicReader.TopicReadException e) {
            throw new ProblemException(Problem.of(Response.Status.SERVICE_UNAVAILABLE,
                    "the topics could not be read: " + e.getMessage()));
        }
    }

    private static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            throw badRequest("query parameter '" + name + "' is required: an ISO-8601 instant such as "
                    + "2019-08-19T13:34:09Z");
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw badRequest("query parameter '" + name + "': '" + value
                    + "' is not an ISO-8601 instant such as 2019-08-19T13:34:09Z");
        }
    }

    private static Instant window(Instant from, Instant to) {
        if (to.isBefore(from)) {
            throw badRequest("'to' (" + to + ") is before 'from' (" + from + ")");
        }
        if (Duration.between(from, to).compareTo(MAX_WINDOW) > 0) {
            throw badRequest("the window is longer than " + MAX_WINDOW.toDays() + " days; ask for a shorter one");
        }
        return to;
    }

    private static ProblemException noAgent(int agentId, ReplayState state) {
        return notFound("no event of agent " + agentId + " at or before " + state.at());
    }

    private static ProblemException notFound(String detail) {
        return new ProblemException(Problem.of(Response.Status.NOT_FOUND, detail));
    }

    private static ProblemException badRequest(String detail) {
        return new ProblemException(Problem.of(Response.Status.BAD_REQUEST, detail));
    }
}
