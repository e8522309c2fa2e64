package dev.agentavailability.router.agent;

import dev.agentavailability.contract.config.SkillGroupConfig;
import dev.agentavailability.projection.AgentMrdState;
import dev.agentavailability.projection.AgentState;
import dev.agentavailability.projection.AvailabilityRule;
import dev.agentavailability.projection.ConfigView;
import dev.agentavailability.projection.Verdict;
import dev.agentavailability.rest.Problem;
import dev.agentavailability.rest.ProblemException;
import dev.agentavailability.router.config.ConfigState;
import dev.agentavailability.router.projection.ProjectionStore;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;

/** The router's view of one agent: state per MRD, the availability verdict and why, and its skill groups. */
@Path("/agents")
@Produces(MediaType.APPLICATION_JSON)
public class AgentStatusResource {

    /** One MRD of the agent as the router sees it. */
    public record MrdStatus(int mrdId, String mrdName, String state, Instant stateSince, boolean loggedIn,
            boolean routable, boolean ready, int notReadyReason, int activeTasks, long taskLimit,
            String availabilityStatus, boolean availableForNewTask, List<String> unavailableBecause,
            List<Integer> skillGroupIds, AgentMrdState detail) {
    }

    public record AgentStatus(int icmAgentId, String name, int partition, List<MrdStatus> mrds) {
    }

    private final ProjectionStore store;
    private final ConfigState config;

    public AgentStatusResource(ProjectionStore store, ConfigState config) {
        this.store = store;
        this.config = config;
    }

    @GET
    @Path("/{icmAgentId}/status")
    public AgentStatus status(@PathParam("icmAgentId") int icmAgentId) {
        AgentState agent = store.agent(icmAgentId).orElseThrow(() -> new ProblemException(Problem.of(
                Response.Status.NOT_FOUND, "agent " + icmAgentId + " has no events in the partitions this instance owns")));
        ConfigView view = config.current();
        List<MrdStatus> mrds = agent.mrds().values().stream().map(mrd -> {
            Verdict verdict = AvailabilityRule.evaluate(agent, mrd.mrdId(), view);
            return new MrdStatus(mrd.mrdId(), view.mrd(mrd.mrdId()).map(m -> m.name()).orElse(null),
                    mrd.state().name(), mrd.stateSince(), mrd.loggedIn(), mrd.routable(), mrd.ready(),
                    mrd.notReadyReason(), mrd.activeTasks(), mrd.taskLimit(), verdict.status().name(),
                    verdict.availableForNewTask(), verdict.reasons().stream().map(Enum::name).sorted().toList(),
                    view.skillGroupsOf(icmAgentId, mrd.mrdId()).stream().map(SkillGroupConfig::id).toList(), mrd);
        }).toList();
        return new AgentStatus(icmAgentId, view.agent(icmAgentId).map(a -> a.name()).orElse(null),
                store.partitionOf(icmAgentId).orElse(-1), mrds);
    }
}
