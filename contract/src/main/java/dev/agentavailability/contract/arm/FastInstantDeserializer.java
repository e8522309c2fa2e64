package dev.agentavailability.contract.arm;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Reads {@code yyyy-MM-ddTHH:mm:ss[.f…]Z} (four-digit year, one to nine fraction digits, an existing date and
 * time, upper-case T and Z) itself and leaves everything else (other shapes, numbers, null, leap seconds,
 * 24:00) to Jackson's own {@code InstantDeserializer}, which gives the same instant for the shape read here.
 */
final class FastInstantDeserializer extends StdDeserializer<Object>
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
        if ((long) ArmEventJson.LONGS.get(c, o) != day.head || c[o + 8] != day.tens || c[o + 9] != day.units) {
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
            return new Day((long) ArmEventJson.LONGS.get(c, o), c[o + 8], c[o + 9],
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
