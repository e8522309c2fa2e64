package dev.agentavailability.availctl;

import dev.agentavailability.contract.wire.ArmFrameLine;
import dev.agentavailability.contract.wire.ByteDump;
import dev.agentavailability.contract.wire.ByteDumpException;
import dev.agentavailability.contract.wire.ListenerLogRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the ARM frames in what an operator hands to {@code decode}.
 *
 * <p>A text holding {@code Sending NAME -> bytes} or {@code Received NAME -> bytes} is read as ECE listener
 * log records ({@link ListenerLogRecord}): one frame per frame record, a record may wrap over lines, other
 * records are skipped. Any other text is one byte list ({@link ByteDump}: signed or unsigned decimal, or
 * hex) holding one frame.
 *
 * <p>Arguments: when several are given and each holds white space (each is a quoted byte list or log
 * line), each is read on its own; otherwise they are joined with spaces, so that an unquoted byte list
 * ({@code decode 0 0 0 16 0 0 0 -102 ...}) is one frame.
 */
public final class FrameInput {

    /**
     * One frame found in the input.
     *
     * @param logged the log record's frame (name, direction, time), or null for a bare byte list
     * @param bytes  the bare byte list's frame, or null (log frames carry their bytes in {@code logged})
     * @param fault  why the bytes could not be read, or null
     * @param line   the line (from 1) where the frame's record starts when the text had several lines, else 0
     */
    public record Found(ArmFrameLine logged, byte[] bytes, String fault, int line) {
    }

    private FrameInput() {
    }

    /** The frames in command-line arguments (see the class comment for how they are grouped). */
    public static List<Found> fromArguments(List<String> arguments) throws CliFailure {
        boolean eachWhole = arguments.size() > 1
                && arguments.stream().allMatch(argument -> argument.strip().matches("(?s).*\\s.*"));
        if (!eachWhole) {
            return fromText(String.join(" ", arguments));
        }
        List<Found> found = new ArrayList<>();
        for (String argument : arguments) {
            found.addAll(fromText(argument));
        }
        return found;
    }

    /**
     * The frames in one text: log records, or a single byte list.
     *
     * @throws CliFailure (bad input) when the text is blank, or is log text without a single frame record
     */
    public static List<Found> fromText(String text) throws CliFailure {
        if (text == null || text.isBlank()) {
            throw CliFailure.badInput("no input: give a byte list or a listener log line as arguments, "
                    + "or pipe them on stdin");
        }
        boolean multiLine = text.lines().filter(line -> !line.isBlank()).count() > 1;
        List<Found> found = new ArrayList<>();
        boolean looksLikeLog = false;
        for (ListenerLogRecord record : ListenerLogRecord.records(text)) {
            looksLikeLog |= record.at() != null || record.text().contains("<@>");
            if (!record.isFrame()) {
                continue;
            }
            int line = multiLine ? record.firstLineNumber() : 0;
            try {
                found.add(new Found(record.frame().orElseThrow(), null, null, line));
            } catch (ByteDumpException unreadable) {
                found.add(new Found(null, null, unreadable.getMessage(), line));
            }
        }
        if (!found.isEmpty()) {
            return found;
        }
        if (looksLikeLog) {
            throw CliFailure.badInput("the log text holds no 'Sending NAME -> bytes' or "
                    + "'Received NAME -> bytes' record");
        }
        try {
            return List.of(new Found(null, ByteDump.parse(text), null, 0));
        } catch (ByteDumpException unreadable) {
            return List.of(new Found(null, null, unreadable.getMessage(), 0));
        }
    }
}
