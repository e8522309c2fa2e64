package dev.agentavailability.contract.arm;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Reads the compact JSON that {@link #write} produces (no white space, no escapes, no nulls, known fields only
 * in any order, each once, integers without fraction or exponent that fit their field) straight from ASCII
 * bytes, and gives up (null) on anything else, which Jackson then reads. For what it accepts, the event is the
 * one Jackson builds: the same constructors with the same values (a missing number is 0, a missing object
 * null). Reading an event this way takes a fraction of Jackson's time, which matters to replay.
 */
final class CompactArmReader {
    private static final String[] EVENT_NAMES = {"schemaVersion", "eventId", "message", "messageType",
        "occurredAt", "invokeId", "mrdId", "icmAgentId", "fields", "source"};
    private static final ArmField[] FIELDS = ArmField.values();
    private static final String[] FIELD_NAMES = java.util.Arrays.stream(FIELDS).map(ArmField::jsonName)
            .toArray(String[]::new);
    private static final String[] TASK_NAMES = {"groupHigh", "groupLow", "sequence"};
    private static final byte[][] EVENT_BYTES = bytes(EVENT_NAMES);
    private static final byte[][] FIELD_BYTES = bytes(FIELD_NAMES);
    private static final byte[][] TASK_BYTES = bytes(TASK_NAMES);
    /**
     * Messages by the hash of their name in an open-addressed table (linear probing): a lookup per event
     * without boxing the hash.
     */
    private static final ArmMessage[] MESSAGE_SLOTS = new ArmMessage[Integer.highestOneBit(
            ArmMessage.values().length) * 4];
    private static final int[] MESSAGE_HASHES = new int[MESSAGE_SLOTS.length];
    private static final byte[][] MESSAGE_BYTES = new byte[ArmMessage.values().length][];
    private static final int[] HEX = new int[256];

    static {
        for (ArmMessage message : ArmMessage.values()) {
            MESSAGE_BYTES[message.ordinal()] = message.name().getBytes(StandardCharsets.US_ASCII);
            int hash = message.name().hashCode();
            int slot = hash & (MESSAGE_SLOTS.length - 1);
            while (MESSAGE_SLOTS[slot] != null) {
                slot = (slot + 1) & (MESSAGE_SLOTS.length - 1);
            }
            MESSAGE_SLOTS[slot] = message;
            MESSAGE_HASHES[slot] = hash;
        }
        java.util.Arrays.fill(HEX, -1);
        for (int c = 0; c < 128; c++) {
            HEX[c] = Character.digit(c, 16);
        }
    }

    /** Thrown (without a stack) when the text is not of the compact shape. */
    private static final RuntimeException NOT_COMPACT = new RuntimeException("not compact", null, false, false) {
        private static final long serialVersionUID = 1L;
    };

    /** The source of the event read last, by any thread (never changed once made, so safe to share). */
    private static volatile Source lastSource = new Source("", new byte[0]);

    private final byte[] b;
    /**
     * Where the text ends in {@link #b}, which may hold more (a Kafka fetch buffer). Reading may look past it
     * (or fail at the array's end), but every byte looked at is also passed, so a text that is accepted ends at
     * exactly this index: one that needed a byte beyond it is not accepted.
     */
    private final int limit;
    private int i;

    private CompactArmReader(byte[] b, int from, int to) {
        this.b = b;
        this.i = from;
        this.limit = to;
    }

    /** The event, or null when the bytes are not of the compact shape. */
    static ArmEvent read(byte[] json, int from, int to) {
        try {
            return new CompactArmReader(json, from, to).event();
        } catch (RuntimeException notCompact) { // NOT_COMPACT, or a text that ends early
            return null;
        }
    }

    private ArmEvent event() {
        int schemaVersion = 0;
        java.util.UUID eventId = null;
        ArmMessage message = null;
        int messageType = 0;
        Instant occurredAt = null;
        long invokeId = 0;
        int mrdId = 0;
        int icmAgentId = 0;
        ArmFields fields = null;
        String source = null;
        int seen = 0;
        if (!emptyObject()) {
            int name = -1;
            do {
                name = field(EVENT_BYTES, name + 1, seen);
                seen |= 1 << name;
                switch (name) {
                    case 0 -> schemaVersion = intValue();
                    case 1 -> eventId = uuid();
                    case 2 -> message = message();
                    case 3 -> messageType = intValue();
                    case 4 -> occurredAt = instant();
                    case 5 -> invokeId = longValue();
                    case 6 -> mrdId = intValue();
                    case 7 -> icmAgentId = intValue();
                    case 8 -> fields = fields();
                    default -> source = source();
                }
            } while (more());
        }
        if (i != limit) {
            throw NOT_COMPACT;
        }
        return new ArmEvent(schemaVersion, eventId, message, messageType, occurredAt, invokeId, mrdId,
                icmAgentId, fields, source);
    }

    private ArmFields fields() {
        Object[] values = new Object[FIELDS.length];
        int seen = 0;
        if (!emptyObject()) {
            int name = -1;
            do {
                name = field(FIELD_BYTES, name + 1, seen);
                seen |= 1 << name;
                values[name] = switch (FIELDS[name].kind()) {
                    case INT -> intValue();
                    case LONG -> longValue();
                    case BOOL -> bool();
                    case STRING -> string();
                    case TASK_ID -> taskId();
                };
            } while (more());
        }
        return ArmFields.of(values);
    }

    private TaskId taskId() {
        long groupHigh = 0;
        long groupLow = 0;
        long sequence = 0;
        int seen = 0;
        if (!emptyObject()) {
            int name = -1;
            do {
                name = field(TASK_BYTES, name + 1, seen);
                seen |= 1 << name;
                switch (name) {
                    case 0 -> groupHigh = longValue();
                    case 1 -> groupLow = longValue();
                    default -> sequence = longValue();
                }
            } while (more());
        }
        return new TaskId(groupHigh, groupLow, sequence);
    }

    /** At an object's opening brace: true when the object is empty (its closing brace is passed too). */
    private boolean emptyObject() {
        expect('{');
        if (b[i] == '}') {
            i++;
            return true;
        }
        return false;
    }

    /**
     * The next field's name as its index among the known ones ({@link #name}); one already in {@code seen} (a bit
     * per index) is a repeated field, which Jackson decides.
     */
    private int field(byte[][] known, int guess, int seen) {
        int name = name(known, guess);
        if ((seen & (1 << name)) != 0) {
            throw NOT_COMPACT;
        }
        return name;
    }

    /** After a value: true at a comma (another field follows), false at the closing brace. */
    private boolean more() {
        byte c = b[i++];
        if (c == ',') {
            return true;
        }
        if (c == '}') {
            return false;
        }
        throw NOT_COMPACT;
    }

    private void expect(char c) {
        if (b[i++] != c) {
            throw NOT_COMPACT;
        }
    }

    /**
     * The index of the quoted name (followed by its colon) among the known ones, trying the one after the
     * previous name's first (the order {@link #write} writes them in).
     */
    private int name(byte[][] known, int guess) {
        expect('"');
        if (guess < known.length) {
            byte[] name = known[guess];
            int end = i + name.length;
            if (end + 1 < b.length && b[end] == '"' && b[end + 1] == ':' && same(i, end, name)) {
                i = end + 2;
                return guess;
            }
        }
        int start = i;
        int end = start;
        while (b[end] != '"') {
            end++;
        }
        i = end + 1;
        expect(':');
        for (int k = 0; k < known.length; k++) {
            if (same(start, end, known[k])) {
                return k;
            }
        }
        throw NOT_COMPACT; // an unknown field: Jackson ignores it, and decides
    }

    /** Whether the bytes from start to end are the name, compared eight at a time (names are short). */
    private boolean same(int start, int end, byte[] name) {
        int length = name.length;
        if (end - start != length) {
            return false;
        }
        int k = 0;
        for (; k + Long.BYTES <= length; k += Long.BYTES) {
            if ((long) ArmEventJson.LONGS.get(b, start + k) != (long) ArmEventJson.LONGS.get(name, k)) {
                return false;
            }
        }
        for (; k < length; k++) {
            if (b[start + k] != name[k]) {
                return false;
            }
        }
        return true;
    }

    private String string() {
        expect('"');
        int start = i;
        for (byte c = b[i]; c != '"'; c = b[++i]) {
            if (c < 0x20 || c == '\\') {
                throw NOT_COMPACT; // control characters and escapes: Jackson decides
            }
        }
        return new String(b, start, i++ - start, StandardCharsets.ISO_8859_1);
    }

    /**
     * The source, as {@link #string()} reads it, but the same String as the last event's when the text is the
     * same: a topic holds few sources, and replay reads millions of events.
     */
    private String source() {
        Source last = lastSource;
        int start = i + 1;
        int end = start + last.bytes.length;
        if (b[i] == '"' && end < b.length && b[end] == '"'
                && java.util.Arrays.equals(b, start, end, last.bytes, 0, last.bytes.length)) {
            i = end + 1;
            return last.text;
        }
        String read = string();
        lastSource = new Source(read, read.getBytes(StandardCharsets.ISO_8859_1));
        return read;
    }

    /** A source as text and as the bytes it was read from (ASCII, so the same either way). */
    private record Source(String text, byte[] bytes) {
    }

    private Boolean bool() {
        if (b[i] == 't' && b[i + 1] == 'r' && b[i + 2] == 'u' && b[i + 3] == 'e') {
            i += 4;
            return Boolean.TRUE;
        }
        if (b[i] == 'f' && b[i + 1] == 'a' && b[i + 2] == 'l' && b[i + 3] == 's' && b[i + 4] == 'e') {
            i += 5;
            return Boolean.FALSE;
        }
        throw NOT_COMPACT;
    }

    /**
     * A JSON integer without leading zeros whose magnitude fits a long (so not Long.MIN_VALUE); a fraction or
     * exponent is not compact.
     */
    private long longValue() {
        int at = i;
        boolean negative = b[at] == '-';
        if (negative) {
            at++;
        }
        int start = at;
        long value = 0;
        for (byte c = b[at]; c >= '0' && c <= '9'; c = b[++at]) {
            value = value * 10 + (c - '0');
        }
        i = at;
        int digits = at - start;
        if (digits == 0 || (digits > 1 && b[start] == '0') || b[at] == '.' || b[at] == 'e' || b[at] == 'E') {
            throw NOT_COMPACT;
        }
        // 18 digits always fit; longer ones (rare) are checked again without overflowing
        if (digits > 18 && !fitsLong(start, digits)) {
            throw NOT_COMPACT;
        }
        return negative ? -value : value;
    }

    private boolean fitsLong(int start, int digits) {
        long value = 0;
        for (int k = start; k < start + digits; k++) {
            int digit = b[k] - '0';
            if (value > (Long.MAX_VALUE - digit) / 10) {
                return false;
            }
            value = value * 10 + digit;
        }
        return true;
    }

    private int intValue() {
        long value = longValue();
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw NOT_COMPACT;
        }
        return (int) value;
    }

    private Instant instant() {
        expect('"');
        int start = i;
        while (b[i] != '"') {
            i++;
        }
        int length = i - start;
        i++;
        Instant parsed = FastInstantDeserializer.parse(b, start, length);
        if (parsed == null) {
            throw NOT_COMPACT;
        }
        return parsed;
    }

    /** A message name, found by its hash (String's, which is the same over ASCII bytes) and compared. */
    private ArmMessage message() {
        expect('"');
        int start = i;
        int hash = 0;
        while (b[i] != '"') {
            hash = 31 * hash + b[i];
            i++;
        }
        int end = i;
        i++;
        for (int slot = hash & (MESSAGE_SLOTS.length - 1); MESSAGE_SLOTS[slot] != null;
                slot = (slot + 1) & (MESSAGE_SLOTS.length - 1)) {
            ArmMessage message = MESSAGE_SLOTS[slot];
            if (MESSAGE_HASHES[slot] == hash && same(start, end, MESSAGE_BYTES[message.ordinal()])) {
                return message;
            }
        }
        throw NOT_COMPACT;
    }

    /** The canonical 8-4-4-4-12 form, hex digits of either case, as Jackson's UUID reader reads it. */
    private java.util.UUID uuid() {
        expect('"');
        int start = i;
        if (b[start + 36] != '"' || b[start + 8] != '-' || b[start + 13] != '-' || b[start + 18] != '-'
                || b[start + 23] != '-') {
            throw NOT_COMPACT;
        }
        long high = hex(start, 8) << 32 | hex(start + 9, 4) << 16 | hex(start + 14, 4);
        long low = hex(start + 19, 4) << 48 | hex(start + 24, 12);
        i = start + 37;
        return new java.util.UUID(high, low);
    }

    /** {@code count} hex digits (at most 15) as a number. */
    private long hex(int from, int count) {
        long value = 0;
        int bad = 0;
        for (int k = from; k < from + count; k++) {
            int digit = HEX[b[k] & 0xFF];
            bad |= digit; // -1 for anything but a hex digit
            value = (value << 4) | (digit & 0xF);
        }
        if (bad < 0) {
            throw NOT_COMPACT;
        }
        return value;
    }

    private static byte[][] bytes(String[] names) {
        byte[][] bytes = new byte[names.length][];
        for (int k = 0; k < names.length; k++) {
            bytes[k] = names[k].getBytes(StandardCharsets.US_ASCII);
        }
        return bytes;
    }
}
