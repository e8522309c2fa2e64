package dev.agentavailability.contract.wire;

import dev.agentavailability.contract.wire.ArmFrameLine.Direction;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One record of an ECE listener log, and the readers that find ARM frames in such logs.
 *
 * <p>The listener writes one record per event: fields separated by {@code " <@> "} (timestamp with zone,
 * level, thread, process and session ids, logger class, then the message), the record ending with
 * {@code <@>}. A long record wraps over several lines. Here a record starts at a line that begins with a
 * timestamp ({@code 2019-07-20 18:27:31.749 GMT+0000}) and takes every following line up to the next such
 * line; text before the first timestamp forms a record without one. A record is an ARM frame record when it
 * contains {@code Sending NAME -> bytes} or {@code Received NAME -> bytes}; the bytes run to the next
 * {@code <@>} or the end of the record, across line breaks.
 *
 * @param firstLineNumber the record's first line, counted from 1
 * @param lastLineNumber  the record's last non-blank line
 * @param at              the timestamp, or null when the record has none or it is not a valid date
 * @param text            the record's lines joined by single spaces
 */
public record ListenerLogRecord(int firstLineNumber, int lastLineNumber, Instant at, String text) {

    /** What {@link #scan} found: the frames, how many records were not frames, and the broken frame records. */
    public record Scan(List<ArmFrameLine> frames, int notFrames, List<LineError> errors) {
        public Scan {
            frames = List.copyOf(frames);
            errors = List.copyOf(errors);
        }
    }

    /** A frame record that could not be read, with the line (from 1) where the record starts. */
    public record LineError(int lineNumber, String message) {
        @Override
        public String toString() {
            return "line " + lineNumber + ": " + message;
        }
    }

    private static final Pattern TIMESTAMP = Pattern.compile(
            "^(\\d{4})-(\\d{2})-(\\d{2})[ T](\\d{2}):(\\d{2}):(\\d{2})(?:[.,](\\d{1,9}))?"
                    + "(?:[ ]?(?:GMT|UTC|Z)?([+-]\\d{2}):?(\\d{2})?|[ ]?(?:GMT|UTC|Z))?(?=\\s|<@>|$)");
    private static final Pattern FRAME = Pattern.compile("\\b(Sending|Received)\\s+([A-Za-z][A-Za-z0-9_]*)\\s*->");
    private static final String SEPARATOR = "<@>";

    /** The fields between the {@code <@>} separators, stripped; the empty field after the final one dropped. */
    public List<String> fields() {
        List<String> fields = new ArrayList<>();
        for (String field : text.split(Pattern.quote(SEPARATOR), -1)) {
            fields.add(field.strip());
        }
        if (fields.size() > 1 && fields.get(fields.size() - 1).isEmpty()) {
            fields.remove(fields.size() - 1);
        }
        return fields;
    }

    /** The message: the last non-blank field. */
    public String message() {
        List<String> fields = fields();
        for (int i = fields.size() - 1; i >= 0; i--) {
            if (!fields.get(i).isEmpty()) {
                return fields.get(i);
            }
        }
        return "";
    }

    /** Whether the record carries a {@code Sending/Received NAME ->} frame. */
    public boolean isFrame() {
        return FRAME.matcher(text).find();
    }

    /**
     * The ARM frame this record carries, if any.
     *
     * @throws ByteDumpException when the record is a frame record whose bytes cannot be read
     */
    public Optional<ArmFrameLine> frame() {
        Matcher matcher = FRAME.matcher(text);
        if (!matcher.find()) {
            return Optional.empty();
        }
        int end = text.indexOf(SEPARATOR, matcher.end());
        return Optional.of(frameLine(matcher.group(1), matcher.group(2),
                text.substring(matcher.end(), end < 0 ? text.length() : end)));
    }

    /**
     * Every ARM frame in the record, in order. A listener record carries one; pasted text without timestamps
     * forms one record that may carry several ({@code Sending A -> ...} on one line, {@code Sending B -> ...} on
     * the next). Each frame's bytes run to the next {@code <@>}, the next frame or the end of the record.
     *
     * @throws ByteDumpException when the bytes of a frame cannot be read
     */
    public List<ArmFrameLine> frames() {
        List<ArmFrameLine> frames = new ArrayList<>();
        Matcher matcher = FRAME.matcher(text);
        boolean found = matcher.find();
        while (found) {
            String direction = matcher.group(1);
            String name = matcher.group(2);
            int start = matcher.end();
            int separator = text.indexOf(SEPARATOR, start);
            int end = separator < 0 ? text.length() : separator;
            found = matcher.find();
            if (found && matcher.start() < end) {
                end = matcher.start();
            }
            frames.add(frameLine(direction, name, text.substring(start, end)));
        }
        return frames;
    }

    private ArmFrameLine frameLine(String direction, String name, String byteList) {
        String list = byteList.strip();
        if (list.isEmpty()) {
            throw new ByteDumpException(0, null, name + " has no bytes after '->'");
        }
        byte[] bytes = ByteDump.parse(list);
        return new ArmFrameLine(at, direction.equals("Sending") ? Direction.SENDING : Direction.RECEIVED, name, bytes,
                firstLineNumber);
    }

    /**
     * Reads the frame in a pasted fragment such as {@code Sending MEDIA_LOGIN_REQ -> 0 0 0 27 ...}, which may
     * be a whole record, wrap over lines, or start with a timestamp (else the frame's {@code at} is null).
     *
     * @throws IllegalArgumentException when the text holds no {@code Sending/Received NAME -> bytes}, or a
     *                                  {@link ByteDumpException} naming the bad token
     */
    public static ArmFrameLine parseFrame(String fragment) {
        List<ListenerLogRecord> records = records(fragment);
        for (ListenerLogRecord record : records) {
            if (record.isFrame()) {
                return record.frame().orElseThrow();
            }
        }
        throw new IllegalArgumentException("no 'Sending NAME -> bytes' or 'Received NAME -> bytes' in the text");
    }

    /** Splits log text into records. */
    public static List<ListenerLogRecord> records(String log) {
        List<ListenerLogRecord> records = new ArrayList<>();
        try {
            split(new StringReader(log), records::add);
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return records;
    }

    /** Reads a whole log: its frames, the count of other records, and the frame records it could not read. */
    public static Scan scan(String log) {
        try {
            return scan(new StringReader(log));
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
    }

    /** Reads a whole log from a reader, one record at a time. */
    public static Scan scan(Reader log) throws IOException {
        List<ArmFrameLine> frames = new ArrayList<>();
        List<LineError> errors = new ArrayList<>();
        int[] notFrames = {0};
        split(log, record -> {
            if (!record.isFrame()) {
                notFrames[0]++;
                return;
            }
            if (record.at() == null) {
                errors.add(new LineError(record.firstLineNumber(), TIMESTAMP.matcher(record.text()).find()
                        ? "frame record's timestamp is not a valid date"
                        : "frame record has no timestamp (its start is missing)"));
                return;
            }
            try {
                frames.add(record.frame().orElseThrow());
            } catch (ByteDumpException bad) {
                errors.add(new LineError(record.firstLineNumber(), "bytes of the frame record: " + bad.getMessage()));
            }
        });
        return new Scan(frames, notFrames[0], errors);
    }

    /** The instant a record's leading timestamp names, if the text starts with a valid one. */
    public static Optional<Instant> timestamp(String line) {
        Matcher m = TIMESTAMP.matcher(line);
        if (!m.find()) {
            return Optional.empty();
        }
        try {
            String fraction = m.group(7) == null ? "" : m.group(7);
            int nanos = fraction.isEmpty() ? 0 : Integer.parseInt((fraction + "000000000").substring(0, 9));
            LocalDateTime local = LocalDateTime.of(
                    LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                            Integer.parseInt(m.group(3))),
                    LocalTime.of(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                            Integer.parseInt(m.group(6)), nanos));
            ZoneOffset offset = ZoneOffset.UTC;
            if (m.group(8) != null) {
                int hours = Integer.parseInt(m.group(8));
                int minutes = m.group(9) == null ? 0 : Integer.parseInt(m.group(9));
                offset = ZoneOffset.ofHoursMinutes(hours, hours < 0 || m.group(8).startsWith("-") ? -minutes : minutes);
            }
            return Optional.of(local.toInstant(offset));
        } catch (DateTimeException | NumberFormatException invalid) {
            return Optional.empty();
        }
    }

    private static void split(Reader log, Consumer<ListenerLogRecord> sink) throws IOException {
        BufferedReader lines = log instanceof BufferedReader ? (BufferedReader) log : new BufferedReader(log);
        StringBuilder text = null;
        int first = 0;
        int last = 0;
        Instant at = null;
        int number = 0;
        String line;
        while ((line = lines.readLine()) != null) {
            number++;
            boolean starts = TIMESTAMP.matcher(line).find();
            if (starts) {
                if (text != null) {
                    sink.accept(new ListenerLogRecord(first, last, at, text.toString()));
                }
                text = new StringBuilder(line.strip());
                first = number;
                last = number;
                at = timestamp(line).orElse(null);
            } else if (!line.isBlank()) {
                if (text == null) {
                    text = new StringBuilder();
                    first = number;
                    at = null;
                } else {
                    text.append(' ');
                }
                text.append(line.strip());
                last = number;
            }
        }
        if (text != null) {
            sink.accept(new ListenerLogRecord(first, last, at, text.toString()));
        }
    }
}
