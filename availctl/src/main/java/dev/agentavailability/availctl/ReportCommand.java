package dev.agentavailability.availctl;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentavailability.contract.ContractJson;
import dev.agentavailability.replay.ReplayState;
import dev.agentavailability.replay.ReportListener;
import dev.agentavailability.replay.TimeInState;
import dev.agentavailability.replay.TopicReplay;
import java.time.Instant;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code availctl report --from T1 --to T2 [--agent N | --skill-group N] [--json]}: time in state. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Time in state within a window, from the Kafka topics (own consumer, as replay): per agent "
                + "and MRD the seconds in each ICM state (NOT_READY split by reason code, logged-out time as "
                + "LOGOUT); per skill group the seconds with at least one agent available and with none."},
        footer = {"", "Examples:", "  availctl report --from 2019-08-19T13:30:00Z --to 2019-08-19T13:40:00Z",
            "  availctl report --from 2019-08-19T13:30:00Z --to 2019-08-19T13:40:00Z --skill-group 6928 --json"})
public final class ReportCommand extends Subcommand {

    private static final ObjectMapper JSON = ContractJson.mapper();

    @Option(names = "--from", required = true, paramLabel = "INSTANT", description = "Window start, ISO-8601 UTC.")
    String from;

    @Option(names = "--to", required = true, paramLabel = "INSTANT", description = "Window end, ISO-8601 UTC.")
    String to;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Subject subject;

    static final class Subject {
        @Option(names = "--agent", paramLabel = "AGENT", description = "Only this ICM agent id.")
        Integer agent;

        @Option(names = "--skill-group", paramLabel = "ID",
                description = "Only this skill group and the agents in it.")
        Integer skillGroup;
    }

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Mixin
    KafkaOptions kafka;

    @Override
    protected int run() throws CliFailure {
        Instant start = ReplayCommand.parseInstant(from, "--from");
        Instant end = ReplayCommand.parseInstant(to, "--to");
        if (end.isBefore(start)) {
            throw CliFailure.badInput("--to (" + end + ") is before --from (" + start + ")");
        }
        ReportListener listener = new ReportListener(start, end);
        ReplayState state;
        try {
            state = kafka.replay().replayEvents(end, listener);
        } catch (TopicReplay.ReplayException e) {
            throw CliFailure.failure(e.getMessage());
        }
        ReportListener.Report report = listener.finish(state);
        Integer agentFilter = subject == null ? null : subject.agent;
        Integer groupFilter = subject == null ? null : subject.skillGroup;
        if (agentFilter != null && state.agent(agentFilter).isEmpty()) {
            throw CliFailure.failure("agent " + agentFilter + ": no event of this agent at or before " + end);
        }
        if (groupFilter != null && !report.skillGroups().containsKey(groupFilter)) {
            throw CliFailure.failure("skill group " + groupFilter + ": not configured at " + end);
        }

        ObjectNode root = TimeInState.json(report, state, agentFilter, groupFilter);
        if (json) {
            try {
                out().println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        } else {
            table(root);
        }
        return ExitCodes.OK;
    }

    private void table(ObjectNode root) {
        out().println("Time in state from " + root.get("from").asText() + " to " + root.get("to").asText());
        if (!root.get("agents").isEmpty()) {
            out().println();
            out().printf("%-8s %-6s %-22s %10s%n", "AGENT", "MRD", "STATE", "SECONDS");
            root.get("agents").forEach(agent -> agent.get("seconds").fields().forEachRemaining(entry ->
                    out().printf("%-8d %-6d %-22s %10s%n", agent.get("agent").asInt(), agent.get("mrdId").asInt(),
                            entry.getKey(), entry.getValue().asText())));
        }
        if (!root.get("skillGroups").isEmpty()) {
            out().println();
            out().printf("%-8s %-30s %12s %12s%n", "GROUP", "NAME", "AVAILABLE", "NONE");
            root.get("skillGroups").forEach(group -> out().printf("%-8d %-30s %12s %12s%n",
                    group.get("skillGroup").asInt(), group.has("name") ? group.get("name").asText() : "",
                    group.get("availableSeconds").asText(), group.get("noneAvailableSeconds").asText()));
        }
    }
}
