package dev.agentavailability.contract.wire;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One CTI message as values: its layout, every field value by key (the fixed part in layout order, then the
 * floating fields present in wire order), and the floating fields present in wire order with their tags, so
 * that encoding a decoded message gives back the same bytes.
 *
 * <p>Values have the Java type of their {@link FieldType}: {@link Long} for UINT, {@link Integer} for INT,
 * USHORT, SHORT and UCHAR, {@link Boolean} for BOOL, {@link java.time.Instant} for TIME,
 * {@link dev.agentavailability.contract.arm.TaskId} for TASKID, {@link String} for STRING. The constructor
 * checks presence, type and range, so a WireMessage can always be encoded, except where the tag width
 * decides (a tag above 255, a long string, a frame over 12,500 bytes).
 *
 * @param layout   the message's layout
 * @param fields   every value by key, fixed part first in layout order, then the floating values in wire order
 * @param floating the floating fields present, in wire order
 */
public record WireMessage(MessageLayout layout, Map<String, Object> fields, List<FloatingValue> floating) {

    /** A floating field present in a message: its tag, its key, its value. */
    public record FloatingValue(int tag, String name, Object value) {
        public FloatingValue {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value of " + name);
        }
    }

    public WireMessage {
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(fields, "fields");
        floating = List.copyOf(floating);
        String where = layout.name() + ": ";
        Iterator<Map.Entry<String, Object>> entries = fields.entrySet().iterator();
        for (WireField field : layout.fixed()) {
            if (!entries.hasNext()) {
                throw new IllegalArgumentException(where + "fixed field " + field.key() + " (" + field.wireName()
                        + ") has no value");
            }
            Map.Entry<String, Object> entry = entries.next();
            if (!field.key().equals(entry.getKey())) {
                throw new IllegalArgumentException(where + "expected fixed field " + field.key() + " ("
                        + field.wireName() + ") next, found " + entry.getKey() + "; fixed fields go in layout order "
                        + layout.fixed().stream().map(WireField::key).toList());
            }
            field.type().check(where + field.key(), entry.getValue());
        }
        Set<Integer> tags = new HashSet<>();
        for (FloatingValue value : floating) {
            FloatingField spec = layout.floatingByTag(value.tag()).orElseThrow(() -> new IllegalArgumentException(
                    where + "tag " + value.tag() + " (" + value.name() + ") is not a floating field of "
                            + layout.name()));
            if (!spec.key().equals(value.name())) {
                throw new IllegalArgumentException(where + "tag " + value.tag() + " is " + spec.key() + ", not "
                        + value.name());
            }
            if (!tags.add(value.tag())) {
                throw new IllegalArgumentException(where + "floating field " + value.name() + " appears twice");
            }
            spec.type().check(where + spec.key(), value.value());
            if (!entries.hasNext()) {
                throw new IllegalArgumentException(where + "floating field " + value.name()
                        + " is missing from the field map");
            }
            Map.Entry<String, Object> entry = entries.next();
            if (!value.name().equals(entry.getKey()) || !value.value().equals(entry.getValue())) {
                throw new IllegalArgumentException(where + "the field map must end with the floating values in "
                        + "wire order; expected " + value.name() + "=" + value.value() + ", found " + entry);
            }
        }
        if (entries.hasNext()) {
            String extra = entries.next().getKey();
            throw new IllegalArgumentException(where + (layout.field(extra).isPresent()
                    ? "field " + extra + " is in the map but not in the floating list"
                    : extra + " is not a field of " + layout.name()));
        }
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /**
     * A message from its fixed values (any map; read in layout order) and its floating values in wire order.
     */
    public static WireMessage of(MessageLayout layout, Map<String, ?> fixed, List<FloatingValue> floating) {
        Map<String, Object> all = new LinkedHashMap<>();
        for (WireField field : layout.fixed()) {
            if (!fixed.containsKey(field.key())) {
                throw new IllegalArgumentException(layout.name() + ": fixed field " + field.key() + " ("
                        + field.wireName() + ") has no value");
            }
            all.put(field.key(), fixed.get(field.key()));
        }
        for (String key : fixed.keySet()) {
            if (!all.containsKey(key)) {
                throw new IllegalArgumentException(layout.name() + ": " + key + " is not a fixed field of "
                        + layout.name());
            }
        }
        for (FloatingValue value : floating) {
            if (all.containsKey(value.name())) {
                throw new IllegalArgumentException(layout.name() + ": " + value.name() + " given twice");
            }
            all.put(value.name(), value.value());
        }
        return new WireMessage(layout, all, floating);
    }

    /** A builder that takes values by key, in any order for the fixed part, floating ones in wire order. */
    public static Builder builder(MessageLayout layout) {
        return new Builder(layout);
    }

    public int type() {
        return layout.type();
    }

    public String name() {
        return layout.name();
    }

    /** The value of a field, or null when it is a floating field the message does not carry. */
    public Object get(String key) {
        if (!fields.containsKey(key) && layout.field(key).isEmpty()) {
            throw new IllegalArgumentException(key + " is not a field of " + layout.name());
        }
        return fields.get(key);
    }

    /** The value of a field as the given class, or null when it is an absent floating field. */
    public <T> T get(String key, Class<T> type) {
        return type.cast(get(key));
    }

    public boolean has(String key) {
        return fields.containsKey(key);
    }

    @Override
    public String toString() {
        return layout.name() + "(" + layout.type() + ")" + fields;
    }

    /** Collects values by key; {@link #build()} orders them as the layout says. */
    public static final class Builder {
        private final MessageLayout layout;
        private final Map<String, Object> fixed = new LinkedHashMap<>();
        private final List<FloatingValue> floating = new ArrayList<>();

        private Builder(MessageLayout layout) {
            this.layout = Objects.requireNonNull(layout, "layout");
        }

        /**
         * Sets a fixed field, or appends a floating field (floating fields go on the wire in the order they
         * are set).
         */
        public Builder set(String key, Object value) {
            if (layout.floatingByKey(key).isPresent()) {
                FloatingField spec = layout.floatingByKey(key).get();
                floating.removeIf(present -> present.name().equals(key));
                floating.add(new FloatingValue(spec.tag(), key, value));
            } else if (layout.field(key).isPresent()) {
                fixed.put(key, value);
            } else {
                throw new IllegalArgumentException(key + " is not a field of " + layout.name());
            }
            return this;
        }

        public WireMessage build() {
            return WireMessage.of(layout, fixed, floating);
        }
    }
}
