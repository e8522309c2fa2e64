package dev.agentavailability.availctl;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentavailability.availctl.replay.ReplayState;
import dev.agentavailability.availctl.replay.TopicReplay;
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
import java.time.Instant;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code availctl replay --at INSTANT --agent N | --skill-group N}: the projection as of an instant, from the topics. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Rebuild the router's view as of an instant from the Kafka topics (own consumer: no group, "
                + "no commits) with the router's projection code, and show an agent in rttest's layout plus its "
                + "availability verdict per MRD, or a skill group's counts and why each agent is or is not available."},
        footer = {"", "Examples:", "  availctl replay --at 2019-08-19T13:34:09Z --agent 6420",
            "  availctl replay --at 2019-08-19T13:34:09Z --skill-group 6928",
            "  availctl replay --from 2019-08-19T13:30:00Z --to 2019-08-19T13:40:00Z --agent 6420"})
public final class ReplayCommand extends Subcommand {

    private static final ObjectMapper JSON = ContractJson.mapper();

    @Option(names = "--from", paramLabel = "INSTANT",
            description = "With --to: print every change in the window (a timeline) instead of the state at --at.")
    String from;

    @Option(names = "--to", paramLabel = "INSTANT", description = "End of the --from window (inclusive).")
    String to;

    @Option(names = "--at", paramLabel = "INSTANT",
            description = "The instant, ISO-8601 in UTC, e.g. 2019-08-19T13:34:09Z: events that occurred at or before it count.")
    String at;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Subject subject;

    static final class Subject {
        @Option(names = "--agent", paramLabel = "AGENT", description = "ICM agent id (skill target id), e.g. 6420.")
        Integer agent;

        @Option(names = "--skill-group", paramLabel = "ID", description = "Skill group id, e.g. 6928.")
        Integer skillGroup;
    }

    @Mixin
    KafkaOptions kafka;

    @Override
    protected int run() throws CliFailure {
        if (at != null && (from != null || to != null)) {
            throw CliFailure.badInput("--at and --from/--to are mutually exclusive");
        }
        if (at == null && (from == null || to == null)) {
            throw CliFailure.badInput("give --at INSTANT, or --from INSTANT --to INSTANT");
        }
        if (at == null) {
            Instant start = parseInstant(from, "--from");
            Instant end = parseInstant(to, "--to");
            if (end.isBefore(start)) {
                throw CliFailure.badInput("--to (" + end + ") is before --from (" + start + ")");
            }
            Timeline.print(out(), kafka.replay(),
                    start, end, subject.agent, subject.skillGroup);
            return ExitCodes.OK;
        }
        Instant instant = parseInstant(at);
        ReplayState state;
        try {
            state = kafka.replay().toInstant(instant);
        } catch (TopicReplay.ReplayException e) {
            throw CliFailure.failure(e.getMessage());
        }
        if (subject.agent != null) {
            printAgent(state, subject.agent);
        } else {
            printSkillGroup(state, subject.skillGroup);
        }
        return ExitCodes.OK;
    }

    static Instant parseInstant(String text) throws CliFailure {
        return parseInstant(text, "--at");
    }

    static Instant parseInstant(String text, String option) throws CliFailure {
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw CliFailure.badInput(option + ": '" + text + "' is not an ISO-8601 instant such as 2019-08-19T13:34:09Z");
        }
    }

    private void printAgent(ReplayState state, int agentId) throws CliFailure {
        PartitionProjection partition = state.partitionOf(agentId).orElseThrow(() -> CliFailure.failure("agent "
                + agentId + ": no event of this agent at or before " + state.at() + " on " + kafka.topic()));
        AgentState agent = partition.agent(agentId).orElseThrow();
        out().print(RttestFormat.format(agent, state.config(), partition.unavailableDomains(), state.at()));
        ObjectNode root = JSON.createObjectNode();
        root.put("at", state.at().toString());
        root.put("agent", agentId);
        root.put("partition", partition.partition());
        ArrayNode mrds = root.putArray("mrds");
        for (AgentMrdState mrd : agent.mrds().values()) {
            Verdict verdict = AvailabilityRule.evaluate(agent, mrd.mrdId(), state.config(),
                    partition.unavailableDomains());
            ObjectNode node = mrds.addObject();
            node.put("mrdId", mrd.mrdId());
            node.put("state", mrd.state().name());
            node.put("stateSince", String.valueOf(mrd.stateSince()));
            verdict(node, verdict);
        }
        println(root);
    }

    private void printSkillGroup(ReplayState state, int skillGroupId) throws CliFailure {
        AvailabilityCounts counts = AvailabilityCounts.ZERO;
        for (PartitionProjection partition : state.partitions().values()) {
            counts = counts.plus(AvailabilityCounter.bySkillGroup(partition, state.config())
                    .getOrDefault(skillGroupId, AvailabilityCounts.ZERO));
        }
        SkillGroupConfig group = state.config().skillGroup(skillGroupId).orElse(null);
        if (group == null && counts.equals(AvailabilityCounts.ZERO)) {
            throw CliFailure.failure("skill group " + skillGroupId + ": not configured at " + state.at() + " on "
                    + kafka.configTopic());
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
        println(root);
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

    private void println(ObjectNode node) {
        out().println(MessageJson.pretty(node));
    }
}
