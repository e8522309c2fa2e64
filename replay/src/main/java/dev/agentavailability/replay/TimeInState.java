package dev.agentavailability.replay;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentavailability.contract.ContractJson;
import dev.agentavailability.contract.config.SkillGroupConfig;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

/**
 * The time-in-state report ({@link ReportListener}) as JSON, as availctl prints it and the router's replay API
 * answers it: per agent and MRD the seconds in each state, per skill group the seconds with at least one agent
 * available and with none.
 */
public final class TimeInState {

    private TimeInState() {
    }

    /**
     * @param agent      only this agent (and no skill groups), or null
     * @param skillGroup only this skill group and its agents, or null
     */
    public static ObjectNode json(ReportListener.Report report, ReplayState end, Integer agent, Integer skillGroup) {
        ObjectNode root = ContractJson.mapper().createObjectNode();
        root.put("from", report.from().toString());
        root.put("to", report.to().toString());
        ArrayNode agents = root.putArray("agents");
        for (Map.Entry<ReportListener.AgentMrd, Map<String, Duration>> entry : report.agents().entrySet()) {
            ReportListener.AgentMrd key = entry.getKey();
            if (agent != null && key.agent() != agent) {
                continue;
            }
            if (skillGroup != null && end.config().skillGroupsOf(key.agent(), key.mrdId()).stream()
                    .noneMatch(sg -> sg.id() == skillGroup)) {
                continue;
            }
            ObjectNode node = agents.addObject();
            node.put("agent", key.agent());
            node.put("mrdId", key.mrdId());
            ObjectNode seconds = node.putObject("seconds");
            entry.getValue().forEach((label, length) -> seconds.put(label, seconds(length)));
        }
        ArrayNode groups = root.putArray("skillGroups");
        if (agent == null) {
            for (Map.Entry<Integer, Map<String, Duration>> entry : report.skillGroups().entrySet()) {
                if (skillGroup != null && !entry.getKey().equals(skillGroup)) {
                    continue;
                }
                ObjectNode node = groups.addObject();
                node.put("skillGroup", entry.getKey());
                end.config().skillGroup(entry.getKey()).map(SkillGroupConfig::name)
                        .ifPresent(name -> node.put("name", name));
                node.put("availableSeconds", seconds(entry.getValue().getOrDefault(ReportListener.AVAILABLE,
                        Duration.ZERO)));
                node.put("noneAvailableSeconds", seconds(entry.getValue().getOrDefault(
                        ReportListener.NONE_AVAILABLE, Duration.ZERO)));
            }
        }
        return root;
    }

    /** Seconds, exact: whole seconds as an integer, else with the fraction (milliseconds or finer). */
    public static BigDecimal seconds(Duration length) {
        BigDecimal value = BigDecimal.valueOf(length.getSeconds()).add(BigDecimal.valueOf(length.getNano(), 9));
        value = value.stripTrailingZeros();
        return value.scale() < 0 ? value.setScale(0) : value;
    }
}
