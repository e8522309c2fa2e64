package dev.agentavailability.router.agent;

import dev.agentavailability.contract.access.Roles;
import dev.agentavailability.contract.availability.AgentAvailability;
import dev.agentavailability.contract.config.AgentConfig;
import dev.agentavailability.contract.config.MrdConfig;
import dev.agentavailability.projection.AgentAvailabilities;
import dev.agentavailability.projection.AgentMrdState;
import dev.agentavailability.projection.AgentState;
import dev.agentavailability.projection.ConfigView;
import dev.agentavailability.projection.PartitionProjection;
import dev.agentavailability.projection.RttestFormat;
import dev.agentavailability.projection.SkillGroupState;
import dev.agentavailability.projection.TaskEntry;
import dev.agentavailability.rest.Problem;
import dev.agentavailability.rest.ProblemException;
import dev.agentavailability.rest.access.ActsForAgent;
import dev.agentavailability.router.config.ConfigState;
import dev.agentavailability.router.projection.ProjectionStore;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The router's view of one agent: state per MRD and skill group with the time it was entered, the
 * availability verdict and every clause it fails. {@code Accept: text/plain} gives rttest's layout.
 */
@ActsForAgent
@RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
@Path("/agents")
public class AgentStatusResource {

    public record SkillGroupStatus(int skillGroupId, String name, int peripheralNumber, boolean configured,
            String state, Instant since) {
    }

    public record MrdStatus(int mrdId, String mrdName, String state, Instant stateSince, boolean loggedIn,
            boolean routable, boolean ready, int notReadyReason, boolean interrupted, int activeTasks,
            long taskLimit, List<TaskEntry> tasks, String availabilityStatus, boolean availableForNewTask,
            List<String> unavailableBecause, List<SkillGroupStatus> skillGroups) {
    }

    public record AgentStatus(int icmAgentId, String name, Integer peripheralNumber, int partition,
            long partitionOffset, List<MrdStatus> mrds) {
    }

    private final ProjectionStore store;
    private final ConfigState config;
    private final Clock clock = Clock.systemUTC();

    public AgentStatusResource(ProjectionStore store, ConfigState config) {
        this.store = store;
        this.config = config;
    }

    /** JSON unless the client asks for text first: rttest's layout is for people at a terminal. */
    @GET
    @Path("/{icmAgentId}/status")
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
    public Response status(@PathParam("icmAgentId") int icmAgentId, @Context HttpHeaders headers) {
        List<MediaType> accepted = headers.getAcceptableMediaTypes();
        if (!accepted.isEmpty() && accepted.get(0).isCompatible(MediaType.TEXT_PLAIN_TYPE)
                && !accepted.get(0).isWildcardType()) {
            return Response.ok(rttest(icmAgentId), MediaType.TEXT_PLAIN_TYPE).build();
        }
        return Response.ok(json(icmAgentId), MediaType.APPLICATION_JSON_TYPE).build();
    }

    AgentStatus json(int icmAgentId) {
        PartitionProjection partition = holding(icmAgentId);
        AgentState agent = partition.agent(icmAgentId).orElseThrow();
        ConfigView view = config.current();
        List<MrdStatus> mrds = agent.mrds().values().stream().map(mrd -> mrdStatus(agent, mrd, view, partition))
                .toList();
        AgentConfig known = view.agent(icmAgentId).orElse(null);
        return new AgentStatus(icmAgentId, known == null ? null : known.name(),
                known == null ? null : known.peripheralNumber(), partition.partition(), partition.nextOffset(), mrds);
    }

    String rttest(int icmAgentId) {
        PartitionProjection partition = holding(icmAgentId);
        return RttestFormat.format(partition.agent(icmAgentId).orElseThrow(), config.current(),
                partition.unavailableDomains(), clock.instant());
    }

    private PartitionProjection holding(int icmAgentId) {
        return store.partitionHolding(icmAgentId).orElseThrow(() -> new ProblemException(Problem.of(
                Response.Status.NOT_FOUND, "agent " + icmAgentId + " has no events in the partitions this instance owns")));
    }

    private static MrdStatus mrdStatus(AgentState agent, AgentMrdState mrd, ConfigView view, PartitionProjection p) {
        AgentAvailability.Mrd state = AgentAvailabilities.mrd(agent, mrd, view, p);
        List<SkillGroupStatus> groups = SkillGroupState.of(agent, mrd, view, p.unavailableDomains()).stream()
                .map(sg -> new SkillGroupStatus(sg.skillGroup().id(), sg.skillGroup().name(),
                        sg.skillGroup().peripheralNumber(), sg.configured(), sg.state().name(), sg.since()))
                .toList();
        String name = view.mrd(mrd.mrdId()).map(MrdConfig::name).orElse(null);
        return new MrdStatus(state.mrdId(), name, state.state().name(),
                state.stateSince(), state.loggedIn(), state.routable(), state.ready(), state.notReadyReason(),
                state.interrupted(), state.activeTasks(), state.taskLimit(), mrd.tasks(), state.availabilityStatus(),
                state.availableForNewTask(), state.unavailableBecause(), groups);
    }
}
