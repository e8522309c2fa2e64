package dev.agentavailability.contract.arm;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.agentavailability.contract.ContractJson;
import dev.agentavailability.contract.Decoded;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.stream.Collectors;

/** Reads and writes {@link ArmEvent} JSON, refusing records that no projection could apply. */
public final class ArmEventJson {

    /** Eight bytes of an array as one long (any byte order will do for comparing). */
    private static final java.lang.invoke.VarHandle LONGS = java.lang.invoke.MethodHandles.byteArrayViewVarHandle(
            long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

    /**
     * {@link ContractJson}'s mapping with one shortcut: an {@code occurredAt} written as {@code ContractJson} writes
     * it ({@code 2019-08-19T13:34:09.773Z}) is read without {@code DateTimeFormatter}, which took a third of the time
     * of a replay. Any other text goes to the usual deserializer, so values and faults are the same.
     */
    private static final ObjectReader READER = ContractJson.mapper().copy()
            .registerModule(new SimpleModule("arm-event-fast-instant").setDeserializerModifier(
                    new BeanDeserializerModifier() {
                        @Override
                        public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config,
                                BeanDescription description, JsonDeserializer<?> deserializer) {
                            return description.getBeanClass() == Instant.class
                                    ? new FastInstantDeserializer(deserializer) : deserializer;
                        }
                    }))
            .readerFor(ArmEvent.class);

    /** {@link ArmMessage#requiredFields()} by ordinal, as arrays: iterated for every event read. */
    private static final ArmField[][] REQUIRED = new ArmField[ArmMessage.values().length][];

    static {
        for (ArmMessage message : ArmMessage.values()) {
            REQUIRED[message.ordinal()] = message.requiredFields().toArray(new ArmField[0]);
        }
    }

    private ArmEventJson() {
    }

    public static String write(ArmEvent event) {
        return ContractJson.write(event);
    }

    public static Decoded<ArmEvent> read(String json) {
        if (json == null || json.isBlank()) {
            return Decoded.malformed(ContractJson.EMPTY_RECORD);
        }
        if (isAscii(json)) {
            byte[] bytes = json.getBytes(StandardCharsets.ISO_8859_1);
            ArmEvent compact = CompactReader.read(bytes, 0, bytes.length);
            if (compact != null) {
                return Decoded.ok(compact).check(ArmEventJson::fault);
            }
        }
        try {
            return Decoded.ok(READER.<ArmEvent>readValue(json)).check(ArmEventJson::fault);
        } catch (JsonProcessingException e) {
            return Decoded.malformed(ContractJson.describe(e));
        }
    }

    /**
     * The record value as Kafka holds it (UTF-8), with the same result as {@link #read(String)} of its text. An
     * ASCII value (what {@link #write} produces for ASCII text) is parsed from the bytes; any other value, and any
     * value that does not parse, goes through {@link #read(String)}, so faults are worded the same.
     */
    public static Decoded<ArmEvent> read(byte[] json) {
        if (json == null) {
            return Decoded.malformed(ContractJson.EMPTY_RECORD);
        }
        // the compact reader takes ASCII only (any other byte is not of its shape), so try it before scanning
        ArmEvent event = CompactReader.read(json, 0, json.length);
        if (event != null) {
            return Decoded.ok(event).check(ArmEventJson::fault);
        }
        boolean blank = true;
        for (byte b : json) {
            if (b < 0) {
                return read(new String(json, StandardCharsets.UTF_8));
            }
            if (blank && !Character.isWhitespace(b)) {
                blank = false;
            }
        }
        if (blank) {
            return Decoded.malformed(ContractJson.EMPTY_RECORD);
        }
        try {
            event = READER.readValue(json);
        } catch (IOException e) {
            return read(new String(json, StandardCharsets.US_ASCII));
        }
        return Decoded.ok(event).check(ArmEventJson::fault);
    }

    /**
     * A record value as the Kafka client hands it to a deserializer (a view of its fetch buffer), with the same result
     * as {@link #read(byte[])} of its bytes, which it copies only when they are not of the compact shape. The buffer's
     * position is left where it was.
     */
    public static Decoded<ArmEvent> read(ByteBuffer json) {
        if (json == null) {
            return Decoded.malformed(ContractJson.EMPTY_RECORD);
        }
        if (json.hasArray()) {
            int from = json.arrayOffset() + json.position();
            ArmEvent event = CompactReader.read(json.array(), from, from + json.remaining());
            if (event != null) {
                return Decoded.ok(event).check(ArmEventJson::fault);
            }
        }
        byte[] bytes = new byte[json.remaining()];
        json.duplicate().get(bytes);
        return read(bytes);
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** The first structural fault of an event, or null. Semantic faults (a task on a logged-out agent) are the projection's. */
    static String fault(ArmEvent e) {
        String version = ContractJson.versionFault(e.schemaVersion(), ArmEvent.SCHEMA_VERSION);
        if (version != null) {
            return version;
        }
        if (e.eventId() == null) {
            return "eventId is missing";
        }
        if (e.message() == null) {
            return "message is missing";
        }
        if (e.messageType() != e.message().type()) {
            return "messageType " + e.messageType() + " does not match " + e.message() + " (" + e.message().type() + ")";
        }
        if (e.occurredAt() == null) {
            return "occurredAt is missing";
        }
        if (e.mrdId() <= 0) {
            return "mrdId must be a positive MRD id, was " + e.mrdId();
        }
        if (e.message().isPerAgent() ? e.icmAgentId() <= 0 : e.icmAgentId() != 0) {
            return e.message().isPerAgent()
                    ? "icmAgentId must be a positive ICM agent id, was " + e.icmAgentId()
                    : e.message() + " concerns a whole MRD, so icmAgentId must be 0, was " + e.icmAgentId();
        }
        boolean complete = true;
        for (ArmField field : REQUIRED[e.message().ordinal()]) {
            if (!field.isPresentIn(e.fields())) {
                complete = false;
                break;
            }
        }
        if (complete) {
            return null;
        }
        String missing = e.message().requiredFields().stream()
                .filter(f -> !f.isPresentIn(e.fields()))
                .map(f -> "fields." + f.jsonName())
                .sorted()
                .collect(Collectors.joining(", "));
        return missing.isEmpty() ? null : e.message() + " needs " + missing;
    }

    /**
     * Reads the compact JSON that {@link #write} produces (no white space, no escapes, no nulls, known fields only
     * in any order, each once, integers without fraction or exponent that fit their field) straight from ASCII
     * bytes, and gives up (null) on anything else, which Jackson then reads. For what it accepts, the event is the
     * one Jackson builds: the same constructors with the same values (a missing number is 0, a missing object
     * null). Reading an event this way takes a fraction of Jackson's time, which matters to replay.
     */
    private static final class CompactReader {
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

        private CompactReader(byte[] b, int from, int to) {
            this.b = b;
            this.i = from;
            this.limit = to;
        }

        /** The event, or null when the bytes are not of the compact shape. */
        static ArmEvent read(byte[] json, int from, int to) {
            try {
                return new CompactReader(json, from, to).event();
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
                if ((long) LONGS.get(b, start + k) != (long) LONGS.get(name, k)) {
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

    /**
     * Reads {@code yyyy-MM-ddTHH:mm:ss[.f…]Z} (four-digit year, one to nine fraction digits, an existing date and
     * time, upper-case T and Z) itself and leaves everything else (other shapes, numbers, null, leap seconds,
     * 24:00) to Jackson's own {@code InstantDeserializer}, which gives the same instant for the shape read here.
     */
    private static final class FastInstantDeserializer extends StdDeserializer<Object>
            implements ContextualDeserializer {
        private static final long serialVersionUID = 1L;
        private static final int[] DAYS_BEFORE_MONTH = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
        /** The day of the instant read last, by any thread (never changed once made). 1970-01-01 to start. */
        private static volatile Day lastDay = Day.read("1970-01-01".getBytes(StandardCharsets.US_ASCII), 0);

        private final transient JsonDeserializer<?> standard;

        FastInstantDeserializer(JsonDeserializer<?> standard) {
            super(Instant.class);
            this.standard = standard;
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property)
                throws JsonMappingException {
            JsonDeserializer<?> contextual = standard instanceof ContextualDeserializer c
                    ? c.createContextual(context, property) : standard;
            // a property with its own format (none in ArmEvent) keeps the standard reading
            return contextual == standard ? this : contextual;
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.hasToken(JsonToken.VALUE_STRING)) {
                Instant fast = parse(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
                if (fast != null) {
                    return fast;
                }
            }
            return standard.deserialize(parser, context);
        }

        /** {@link #parse(byte[], int, int)} of characters (any that is not ASCII is not of the shape). */
        static Instant parse(char[] c, int offset, int length) {
            if (length < 20 || length > 30) {
                return null;
            }
            byte[] b = new byte[length];
            for (int k = 0; k < length; k++) {
                char ch = c[offset + k];
                if (ch >= 0x80) {
                    return null;
                }
                b[k] = (byte) ch;
            }
            return parse(b, 0, length);
        }

        /** The instant in ASCII bytes, or null when they are not exactly of the simple shape. */
        static Instant parse(byte[] c, int offset, int length) {
            // 2019-08-19T13:34:09Z is 20 characters; 2019-08-19T13:34:09.123456789Z is 30
            if (length < 20 || length > 30 || length == 21 || c[offset + length - 1] != 'Z') {
                return null;
            }
            int o = offset;
            if (c[o + 4] != '-' || c[o + 7] != '-' || c[o + 10] != 'T' || c[o + 13] != ':' || c[o + 16] != ':') {
                return null;
            }
            int hour = digits(c, o + 11, 2);
            int minute = digits(c, o + 14, 2);
            int second = digits(c, o + 17, 2);
            if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
                return null;
            }
            int nanos = 0;
            if (length > 20) {
                if (c[o + 19] != '.') {
                    return null;
                }
                int fractionDigits = length - 21;
                for (int i = 0; i < 9; i++) {
                    int digit = 0;
                    if (i < fractionDigits) {
                        digit = c[o + 20 + i] - '0';
                        if (digit < 0 || digit > 9) {
                            return null;
                        }
                    }
                    nanos = nanos * 10 + digit;
                }
            }
            // the events of a topic fall on few days: the day read last is compared as bytes, not read again
            Day day = lastDay;
            if ((long) LONGS.get(c, o) != day.head || c[o + 8] != day.tens || c[o + 9] != day.units) {
                day = Day.read(c, o);
                if (day == null) {
                    return null;
                }
                lastDay = day;
            }
            return Instant.ofEpochSecond(day.sinceEpoch * 86_400L + hour * 3600L + minute * 60L + second, nanos);
        }

        /** A valid {@code yyyy-MM-dd} as bytes (the first eight as one long) and as days since 1970-01-01. */
        private record Day(long head, byte tens, byte units, long sinceEpoch) {

            /** The date at {@code o}, or null when it is not an existing one. */
            static Day read(byte[] c, int o) {
                int year = digits(c, o, 4);
                int month = digits(c, o + 5, 2);
                int day = digits(c, o + 8, 2);
                if (year < 0 || month < 1 || month > 12 || day < 1) {
                    return null;
                }
                boolean leap = (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
                int monthLength = month == 2 ? (leap ? 29 : 28)
                        : (month == 4 || month == 6 || month == 9 || month == 11) ? 30 : 31;
                if (day > monthLength) {
                    return null;
                }
                return new Day((long) LONGS.get(c, o), c[o + 8], c[o + 9],
                        FastInstantDeserializer.epochDay(year, month, day, leap));
            }
        }

        private static int digits(byte[] c, int from, int count) {
            int value = 0;
            for (int i = from; i < from + count; i++) {
                int digit = c[i] - '0';
                if (digit < 0 || digit > 9) {
                    return -1;
                }
                value = value * 10 + digit;
            }
            return value;
        }

        /** Days from 1970-01-01 in the proleptic Gregorian calendar (as {@code LocalDate.toEpochDay}). */
        private static long epochDay(int year, int month, int day, boolean leap) {
            long y = year - 1L;
            long daysBeforeYear = 365L * y + Math.floorDiv(y, 4) - Math.floorDiv(y, 100) + Math.floorDiv(y, 400);
            int dayOfYear = DAYS_BEFORE_MONTH[month - 1] + day + (leap && month > 2 ? 1 : 0);
            // days before 1970-01-01 counted the same way: 719162
            return daysBeforeYear + dayOfYear - 1 - 719_162L;
        }
    }
}
