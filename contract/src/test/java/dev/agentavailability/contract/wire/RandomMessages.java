package dev.agentavailability.contract.wire;

import dev.agentavailability.contract.arm.TaskId;
import dev.agentavailability.contract.wire.WireMessage.FloatingValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Random valid messages for property and fuzz tests: values over each type's whole range, edges often. */
final class RandomMessages {

    private final Random random;

    RandomMessages(long seed) {
        this.random = new Random(seed);
    }

    Random random() {
        return random;
    }

    WireMessage message(MessageLayout layout, TagWidth width) {
        Map<String, Object> fixed = new LinkedHashMap<>();
        for (WireField field : layout.fixed()) {
            fixed.put(field.key(), value(field.type(), width));
        }
        List<FloatingField> allowed = new ArrayList<>(layout.floating(width));
        Collections.shuffle(allowed, random);
        List<FloatingValue> floating = new ArrayList<>();
        for (FloatingField field : allowed.subList(0, random.nextInt(allowed.size() + 1))) {
            floating.add(new FloatingValue(field.tag(), field.key(), value(field.type(), width)));
        }
        return WireMessage.of(layout, fixed, floating);
    }

    Object value(FieldType type, TagWidth width) {
        boolean edge = random.nextInt(4) == 0;
        switch (type) {
            case UCHAR:
                return edge ? pick(0, 255) : random.nextInt(256);
            case USHORT:
                return edge ? pick(0, 65_535) : random.nextInt(65_536);
            case SHORT:
                return edge ? pick((int) Short.MIN_VALUE, (int) Short.MAX_VALUE) : random.nextInt(65_536) - 32_768;
            case UINT:
                return edge ? pick(0L, 0xFFFF_FFFFL) : Integer.toUnsignedLong(random.nextInt());
            case INT:
                return edge ? pick(Integer.MIN_VALUE, Integer.MAX_VALUE) : random.nextInt();
            case BOOL:
                return random.nextBoolean();
            case TIME:
                return Instant.ofEpochSecond(edge ? pick(0L, 0xFFFF_FFFFL) : Integer.toUnsignedLong(random.nextInt()));
            case TASKID:
                return new TaskId(random.nextInt(), random.nextInt(), random.nextInt());
            case STRING:
                return string(edge ? (width == TagWidth.ONE_BYTE ? 254 : 1_000) : random.nextInt(40));
            default:
                throw new AssertionError(type);
        }
    }

    private String string(int maxLength) {
        int length = random.nextInt(maxLength + 1);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            // mostly printable ASCII, sometimes any non-NUL ISO-8859-1 character
            text.append(random.nextInt(10) == 0 ? (char) (1 + random.nextInt(255)) : (char) (32 + random.nextInt(95)));
        }
        return text.toString();
    }

    @SafeVarargs
    private <T> T pick(T... choices) {
        return choices[random.nextInt(choices.length)];
    }
}
