package dev.agentavailability.replay;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentavailability.contract.ContractJson;
import dev.agentavailability.contract.availability.AvailabilityCounts;
import dev.agentavailability.contract.config.SkillGroupConfig;
import dev.agentavailability.projection.AgentMrdState;
import dev.agentavailability.projection.AgentState;
import dev.agentavailability.projection.AvailabilityCounter;
import dev.agentavailability.projection.AvailabilityRule;
import dev.agentavailability.projection.PartitionProjection;
import dev.agentavailability.projection.RttestFormat;
import dev.agentavailability.projection.Unavailability;
import dev.agentavailability.projection.Verdict;
import java.util.Optional;

/**
 * What a replayed state says about one agent or one skill group, as availctl prints it and the router's replay API
 * answers it: the agent's verdict per MRD with every failed clause of the availability rule, the skill group's
 * counts and why each of its agents is or is not available.
 */
public final class ReplayViews {

    private static final ObjectMapper JSON = ContractJson.mapper();

    private ReplayViews() {
    }

    /** The agent in the layout of rttest's agent_status, or empty when no event of the agent was replayed. */
    public static Optional<String> agentRttest(ReplayState state, int agentId) {
        return state.partitionOf(agentId).map(partition -> RttestFormat.format(partition.agent(agentId).orElseThrow(),
                state.config(), partition.unavailableDomains(), state.at()));
    }

    /** The agent's verdict per MRD, or empty when no event of the agent was replayed. */
    public static Optional<ObjectNode> agent(ReplayState state, int agentId) {
        return state.partitionOf(agentId).map(partition -> {
            AgentState agent = partition.agent(agentId).orElseThrow();
            ObjectNode root = JSON.createObjectNode();
            root.put("at", state.at().toString());
            root.put("agent", agentId);
            root.put("partition", partition.partition());
            root.put("throughOffset", partition.nextOffset() - 1);
            ArrayNode mrds = root.putArray("mrds");
            for (AgentMrdState mrd : agent.mrds().values()) {
                ObjectNode node = mrds.addObject();
                node.put("mrdId", mrd.mrdId());
                node.put("state", mrd.state().name());
                node.put("stateSince", String.valueOf(mrd.stateSince()));
                verdict(node, AvailabilityRule.evaluate(agent, mrd.mrdId(), state.config(),
                        partition.unavailableDomains()));
            }
            return root;
        });
    }

    /** The skill group's counts and its agents' verdicts, or empty when it was neither configured nor counted. */
    public static Optional<ObjectNode> skillGroup(ReplayState state, int skillGroupId) {
        AvailabilityCounts counts = AvailabilityCounts.ZERO;
        for (PartitionProjection partition : state.partitions().values()) {
            counts = counts.plus(AvailabilityCounter.bySkillGroup(partition, state.config())
                    .getOrDefault(skillGroupId, AvailabilityCounts.ZERO));
        }
        SkillGroupConfig group = state.config().skillGroup(skillGroupId).orElse(null);
        if (group == null && counts.equals(AvailabilityCounts.ZERO)) {
            return Optional.empty();
        }
        ObjectNode root = JSON.createObjectNode();
        root.put("at", state.at().toString());
        root.put("skillGroup", skillGroupId);
        if (group != null) {
            root.put("name", group.name());
            root.put("mrdId", group.mrdId());
        }
        root.set("counts", JSON.valueToTree(counts));
        ArrayNode agents = root.putArray("agents");
        for (PartitionProjection partition : state.partitions().values()) {
            for (AgentState agent : partition.agents()) {
                for (AgentMrdState mrd : agent.mrds().values()) {
                    if (!mrd.loggedIn() || state.config().skillGroupsOf(agent.icmAgentId(), mrd.mrdId()).stream()
                            .noneMatch(sg -> sg.id() == skillGroupId)) {
                        continue;
                    }
                    ObjectNode node = agents.addObject();
                    node.put("agent", agent.icmAgentId());
                    node.put("partition", partition.partition());
                    node.put("mrdId", mrd.mrdId());
                    node.put("state", mrd.state().name());
                    verdict(node, AvailabilityRule.evaluate(agent, mrd.mrdId(), state.config(),
                            partition.unavailableDomains()));
                }
            }
        }
        return Optional.of(root);
    }

    private static void verdict(ObjectNode node, Verdict verdict) {
        node.put("status", verdict.status().name());
        node.put("availableForNewTask", verdict.availableForNewTask());
        ArrayNode failed = node.putArray("failed");
        // in the enum's order, so the output is stable
        for (Unavailability clause : Unavailability.values()) {
            if (verdict.reasons().contains(clause)) {
                failed.add(clause.name());
            }
        }
    }
}
