package dev.agentavailability.availctl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentavailability.contract.ContractJson;
import dev.agentavailability.kafka.TopicReader;
import dev.agentavailability.contract.topic.Topics;
import dev.agentavailability.projection.entrypoint.Explanation;
import dev.agentavailability.replay.AvailabilitySeries;
import dev.agentavailability.replay.EntryPointEvents;
import dev.agentavailability.replay.EntryPointExplainer;
import dev.agentavailability.replay.ReplayState;
import dev.agentavailability.replay.ReplayViews;
import dev.agentavailability.replay.TimelinePage;
import dev.agentavailability.replay.TopicReplay;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code availctl replay --at INSTANT --agent N | --skill-group N | --entry-point N}: the projection as of an instant,
 * from the topics.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Rebuild the router's view as of an instant from the Kafka topics (own consumer: no group, "
                + "no commits) with the router's projection code, and show an agent in rttest's layout plus its "
                + "availability verdict per MRD, a skill group's counts and why each agent is or is not available, "
                + "or an entry point's initialize answer and the rule row, calendar, queue and counts behind it."},
        footer = {"", "Examples:", "  availctl replay --at 2019-08-19T13:34:09Z --agent 6420",
            "  availctl replay --at 2019-08-19T13:34:09Z --skill-group 6928",
            "  availctl replay --at 2019-08-19T13:34:09Z --entry-point 1001",
            "  availctl replay --from 2019-08-19T13:30:00Z --to 2019-08-19T13:40:00Z --agent 6420",
            "  availctl replay --from 2019-08-19T13:30:00Z --to 2019-08-19T13:40:00Z --entry-point 1001 --html incident.html"})
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

        @Option(names = "--entry-point", paramLabel = "ID",
                description = "Entry point id, e.g. 1001: its initialize answer at --at and the rule row, calendar, "
                        + "queue and counts per partition that decided it.")
        Long entryPoint;
    }

    @Option(names = "--entry-point-topic", paramLabel = "TOPIC", defaultValue = Topics.ENTRY_POINTS,
            description = "Entry point settings topic, for --entry-point (default: ${DEFAULT-VALUE}).")
    String entryPointTopic;

    @Option(names = "--chat-topic", paramLabel = "TOPIC", defaultValue = Topics.CHAT_EVENTS,
            description = "Chat-event topic (queue depths), for --entry-point (default: ${DEFAULT-VALUE}).")
    String chatTopic;

    @Option(names = "--html", paramLabel = "FILE",
            description = "With --from/--to: also write the timeline page (charts of available agents per skill "
                    + "group, queue depth and initialize answer per entry point) to FILE.")
    Path html;

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
        if (at != null && html != null) {
            throw CliFailure.badInput("--html takes --from/--to");
        }
        if (at == null) {
            Instant start = parseInstant(from, "--from");
            Instant end = parseInstant(to, "--to");
            if (end.isBefore(start)) {
                throw CliFailure.badInput("--to (" + end + ") is before --from (" + start + ")");
            }
            if (subject.entryPoint != null || html != null) {
                entryPointTimeline(start, end);
            }
            if (subject.entryPoint == null) {
                Timeline.print(out(), kafka.replay(), start, end, subject.agent, subject.skillGroup);
            }
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
        } else if (subject.skillGroup != null) {
            printSkillGroup(state, subject.skillGroup);
        } else {
            printEntryPoint(state, subject.entryPoint);
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
        String rttest = ReplayViews.agentRttest(state, agentId).orElseThrow(() -> CliFailure.failure("agent "
                + agentId + ": no event of this agent at or before " + state.at() + " on " + kafka.topic()));
        out().print(rttest);
        println(ReplayViews.agent(state, agentId).orElseThrow());
    }

    private void printSkillGroup(ReplayState state, int skillGroupId) throws CliFailure {
        println(ReplayViews.skillGroup(state, skillGroupId).orElseThrow(() -> CliFailure.failure("skill group "
                + skillGroupId + ": not configured at " + state.at() + " on " + kafka.configTopic())));
    }

    private void printEntryPoint(ReplayState state, long entryPointId) throws CliFailure {
        EntryPointEvents events;
        try {
            events = EntryPointEvents.read(new EntryPointEvents.Source(kafka.clients(), entryPointTopic,
                    chatTopic, kafka.timeout()), state.at());
        } catch (TopicReader.TopicReadException e) {
            throw CliFailure.failure(e.getMessage());
        }
        Explanation explanation = EntryPointExplainer.explain(entryPointId, state.at(), events.stateAt(state.at()),
                state.partitions(), state.config()).orElseThrow(() -> CliFailure.failure("entry point " + entryPointId
                        + ": did not exist at " + state.at() + " on " + entryPointTopic));
        out().println("Entry point " + entryPointId + " at " + state.at() + ": responseType "
                + explanation.answer().responseType() + " (" + explanation.decision().rule() + ": "
                + explanation.decision().why() + ")");
        println(JSON.valueToTree(explanation));
    }

    /** The entry point's answer and queue depth at each change of the window, and the page if asked for. */
    private void entryPointTimeline(Instant start, Instant end) throws CliFailure {
        AvailabilitySeries.Series series;
        try {
            AvailabilitySeries listener = new AvailabilitySeries(start, end, EntryPointEvents.read(
                    new EntryPointEvents.Source(kafka.clients(), entryPointTopic, chatTopic, kafka.timeout()),
                    end));
            kafka.replay().replayEvents(end, listener);
            series = listener.finish();
        } catch (TopicReplay.ReplayException | TopicReader.TopicReadException e) {
            throw CliFailure.failure(e.getMessage());
        }
        if (html != null) {
            try {
                Files.writeString(html, TimelinePage.render(series, "Availability from " + start + " to " + end));
            } catch (IOException e) {
                throw CliFailure.failure("cannot write " + html + ": " + e.getMessage());
            }
        }
        if (subject.entryPoint == null) {
            return;
        }
        long id = subject.entryPoint;
        if (series.points().stream().noneMatch(p -> p.responseType().containsKey(id))) {
            throw CliFailure.failure("entry point " + id + ": did not exist between " + start + " and " + end
                    + " on " + entryPointTopic);
        }
        out().println("Entry point " + id + " from " + start + " to " + end);
        String previous = null;
        for (AvailabilitySeries.Point point : series.points()) {
            Integer answer = point.responseType().get(id);
            String line = answer == null ? "(does not exist)" : "responseType " + answer + "  queue depth "
                    + point.queueDepth().getOrDefault(id, 0);
            if (!line.equals(previous)) {
                out().println(point.at() + "  " + line + "  after " + point.cause());
                previous = line;
            }
        }
    }

    private void println(JsonNode node) {
        out().println(MessageJson.pretty(node));
    }
}
