package dev.agentavailability.availctl;

import dev.agentavailability.contract.Decoded;
import dev.agentavailability.contract.arm.ArmEvent;
import dev.agentavailability.contract.arm.ArmEventJson;
import dev.agentavailability.contract.wire.ArmFrameLine;
import dev.agentavailability.contract.wire.ArmWireMapping;
import dev.agentavailability.contract.wire.CtiCodec;
import dev.agentavailability.contract.wire.FrameException;
import dev.agentavailability.contract.wire.ListenerLogRecord;
import dev.agentavailability.contract.wire.TagWidth;
import dev.agentavailability.contract.wire.WireMessage;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code availctl import-log}: reads ECE listener logs, turns every ARM frame record into an {@link ArmEvent}
 * whose {@code occurredAt} is the record's own timestamp, and publishes the events, in file order, to a topic
 * that must exist already ({@link ImportLogPublisher}).
 *
 * <p>Every file is read and decoded before anything is published, so a missing file publishes nothing. Records
 * that are not frames are skipped by rule and counted; a frame record that cannot be read, decoded or mapped is
 * reported on stderr with its file and line ({@code availctl: app.log line 6: frame MEDIA_LOGIN_REQ: offset 28:
 * ...}) and counted as unreadable; the readable ones are still published.
 */
@Command(name = "import-log", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Publish the ARM frames of ECE listener log files as agent events, with their original "
                + "timestamps, in file order.",
                "Each 'Sending/Received NAME -> bytes' record (records may wrap over lines) is decoded and mapped to "
                        + "an event keyed by ICM agent id (an MRD-wide message goes to every partition). Other "
                        + "records are skipped and counted; a frame record that cannot be decoded is reported with "
                        + "its file and line. The topic must exist; it is never created."},
        footer = {"", "Exit codes: 0 every frame published, 1 Kafka not reachable or the topic missing, "
                + "2 a file missing or some frame records unreadable (the readable ones are still published).",
                "", "Examples:",
                "  availctl import-log listener.log --topic arm.agent-events.incident --dry-run",
                "  availctl import-log app1.log app2.log --topic arm.agent-events.incident "
                        + "--bootstrap-servers kafka:9092"})
public final class ImportLogCommand extends Subcommand {

    /** The default {@code --source}. */
    static final String DEFAULT_SOURCE = "import-log";

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "ECE listener log files, read in this order.")
    List<Path> files = new ArrayList<>();

    @Option(names = "--topic", paramLabel = "TOPIC", required = true,
            description = "The topic to publish to; it must exist (import-log never creates topics).")
    String topic;

    @Mixin
    KafkaConnection kafka;

    @Option(names = "--tag-width", paramLabel = "1|2", defaultValue = "1",
            converter = DecodeCommand.TagWidthConverter.class,
            description = "Bytes of a floating field's tag and length: 1 (as the ECE listener logs show; the "
                    + "default) or 2 (CTI protocol 20 and later).")
    TagWidth tagWidth;

    @Option(names = "--dry-run", description = "Read and decode only, without Kafka: print each event that would be "
            + "published (one JSON object a line, in file order), then the summary.")
    boolean dryRun;

    @Option(names = "--source", paramLabel = "NAME", defaultValue = DEFAULT_SOURCE,
            description = "The events' source (default: ${DEFAULT-VALUE}).")
    String source;

    @Override
    protected int run() throws CliFailure {
        if (topic.isBlank()) {
            throw CliFailure.badInput("--topic is empty");
        }
        if (source.isBlank()) {
            throw CliFailure.badInput("--source is empty");
        }
        CtiCodec codec = new CtiCodec();
        List<ImportLogPublisher.Item> events = new ArrayList<>();
        int skipped = 0;
        int unreadable = 0;
        for (Path file : files) {
            ListenerLogRecord.Scan scan = scan(file);
            skipped += scan.notFrames();
            List<Problem> problems = new ArrayList<>();
            for (ListenerLogRecord.LineError error : scan.errors()) {
                problems.add(new Problem(error.lineNumber(), error.message()));
            }
            for (ArmFrameLine frame : scan.frames()) {
                try {
                    events.add(new ImportLogPublisher.Item(toEvent(frame, codec), file + " line "
                            + frame.firstLineNumber()));
                } catch (Unmappable fault) {
                    problems.add(new Problem(frame.firstLineNumber(), "frame " + frame.name() + ": "
                            + fault.getMessage()));
                }
            }
            problems.sort(Comparator.comparingInt(Problem::line));
            for (Problem problem : problems) {
                complain(file + " line " + problem.line() + ": " + problem.message());
            }
            unreadable += problems.size();
        }

        String read = ", " + count(skipped, "record") + " skipped (not a frame), " + unreadable + " unreadable"
                + (unreadable > 0 ? " (reported on stderr)" : "");
        if (dryRun) {
            for (ImportLogPublisher.Item item : events) {
                out().println(ArmEventJson.write(item.event()));
            }
            out().println("import-log: dry run, " + count(events.size(), "frame") + " decoded for " + topic
                    + span(events) + ", nothing published" + read);
        } else {
            int records;
            try (ImportLogPublisher publisher = ImportLogPublisher.connect(kafka.clients(), topic)) {
                records = publisher.publish(events);
            }
            String asRecords = records == events.size() ? ""
                    : " as " + count(records, "record") + " (MRD-wide messages on every partition)";
            out().println("import-log: " + count(events.size(), "frame") + " published to " + topic + asRecords
                    + span(events) + read);
        }
        return unreadable == 0 ? ExitCodes.OK : ExitCodes.BAD_INPUT;
    }

    private static ListenerLogRecord.Scan scan(Path file) throws CliFailure {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return ListenerLogRecord.scan(reader);
        } catch (NoSuchFileException missing) {
            throw CliFailure.badInput("cannot read " + file + ": no such file");
        } catch (IOException | java.io.UncheckedIOException unreadable) {
            throw CliFailure.badInput("cannot read " + file + ": " + unreadable.getMessage());
        }
    }

    /** The event of a frame, checked as the topic's readers check it. */
    private ArmEvent toEvent(ArmFrameLine frame, CtiCodec codec) throws Unmappable {
        WireMessage message;
        try {
            message = frame.decode(codec, tagWidth);
        } catch (FrameException broken) {
            throw new Unmappable(broken.getMessage());
        }
        ArmEvent event;
        try {
            event = ArmWireMapping.toEvent(message, frame.at(), source);
        } catch (IllegalArgumentException unmappable) {
            throw new Unmappable("not an agent event: " + unmappable.getMessage());
        }
        Decoded<ArmEvent> checked = ArmEventJson.read(ArmEventJson.write(event));
        if (!checked.isValid()) {
            throw new Unmappable("not a valid agent event: " + checked.error());
        }
        return event;
    }

    /** {@code " (first ..., last ...)"}: the earliest and latest occurredAt, or nothing without events. */
    private static String span(List<ImportLogPublisher.Item> events) {
        if (events.isEmpty()) {
            return "";
        }
        Instant first = null;
        Instant last = null;
        for (ImportLogPublisher.Item item : events) {
            Instant at = item.event().occurredAt();
            first = first == null || at.isBefore(first) ? at : first;
            last = last == null || at.isAfter(last) ? at : last;
        }
        return " (first " + first + ", last " + last + ")";
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private void complain(String message) {
        err().println("availctl: " + message);
        err().flush();
    }

    private record Problem(int line, String message) {
    }

    /** A frame record that does not give a publishable event. */
    private static final class Unmappable extends Exception {
        private static final long serialVersionUID = 1L;

        Unmappable(String message) {
            super(message, null, false, false);
        }
    }
}
