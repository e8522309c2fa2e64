package dev.agentavailability.contract.wire;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The wire description of one CTI message: its type number, its name, the fields of its fixed part in
 * order, the floating fields it may carry, and where the layout comes from. The codec reads and writes a
 * message only through this description; no other class knows a field order or an offset.
 */
public final class MessageLayout {

    /** Where a layout comes from. */
    public enum Provenance {
        /** The layout was seen in a Cisco byte dump or trace (possibly only in part; see the note). */
        CONFIRMED,
        /** Cisco publishes no layout for this message; this is the project's own, documented layout. */
        OURS
    }

    private final int type;
    private final String name;
    private final List<WireField> fixed;
    private final List<FloatingField> floating;
    private final Provenance provenance;
    private final String note;
    private final int fixedSize;
    private final Map<String, WireField> byKey;
    private final Map<Integer, FloatingField> floatingByTag;
    private final Map<String, FloatingField> floatingByKey;

    public MessageLayout(int type, String name, List<WireField> fixed, List<FloatingField> floating,
            Provenance provenance, String note) {
        if (type < 0) {
            throw new IllegalArgumentException("message type " + type + " is negative");
        }
        this.type = type;
        this.name = Objects.requireNonNull(name, "name");
        this.fixed = List.copyOf(fixed);
        this.floating = List.copyOf(floating);
        this.provenance = Objects.requireNonNull(provenance, "provenance");
        this.note = note == null ? "" : note;
        Map<String, WireField> keys = new LinkedHashMap<>();
        int size = 0;
        for (WireField field : this.fixed) {
            if (!field.type().isFixedSize()) {
                throw new IllegalArgumentException(name + ": fixed field " + field.wireName() + " is a "
                        + field.type() + ", which only the floating part can carry");
            }
            if (keys.put(field.key(), field) != null) {
                throw new IllegalArgumentException(name + ": field key " + field.key() + " appears twice");
            }
            size += field.type().size();
        }
        Map<Integer, FloatingField> tags = new HashMap<>();
        Map<String, FloatingField> floatingKeys = new LinkedHashMap<>();
        for (FloatingField field : this.floating) {
            if (tags.put(field.tag(), field) != null) {
                throw new IllegalArgumentException(name + ": floating tag " + field.tag() + " appears twice");
            }
            if (keys.put(field.key(), field.field()) != null) {
                throw new IllegalArgumentException(name + ": field key " + field.key() + " appears twice");
            }
            floatingKeys.put(field.key(), field);
        }
        this.fixedSize = size;
        this.byKey = Collections.unmodifiableMap(keys);
        this.floatingByTag = Map.copyOf(tags);
        this.floatingByKey = Collections.unmodifiableMap(floatingKeys);
    }

    /** The MessageType carried in the header. */
    public int type() {
        return type;
    }

    public String name() {
        return name;
    }

    /** The fixed part, in wire order. */
    public List<WireField> fixed() {
        return fixed;
    }

    /** The floating fields the message may carry, in the order this layout lists them (any order on the wire). */
    public List<FloatingField> floating() {
        return floating;
    }

    public Provenance provenance() {
        return provenance;
    }

    /** What exactly is confirmed or ours, in a sentence or two. */
    public String note() {
        return note;
    }

    /** Bytes of the fixed part. */
    public int fixedSize() {
        return fixedSize;
    }

    public Optional<FloatingField> floatingByTag(int tag) {
        return Optional.ofNullable(floatingByTag.get(tag));
    }

    public Optional<FloatingField> floatingByKey(String key) {
        return Optional.ofNullable(floatingByKey.get(key));
    }

    /** Any field, fixed or floating, by its key. */
    public Optional<WireField> field(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    /** The floating fields that the given tag width can carry. */
    public List<FloatingField> floating(TagWidth width) {
        List<FloatingField> fitting = new ArrayList<>();
        for (FloatingField field : floating) {
            if (field.fits(width)) {
                fitting.add(field);
            }
        }
        return List.copyOf(fitting);
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof MessageLayout)) {
            return false;
        }
        MessageLayout that = (MessageLayout) other;
        return type == that.type && name.equals(that.name) && fixed.equals(that.fixed)
                && floating.equals(that.floating) && provenance == that.provenance && note.equals(that.note);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, name, fixed, floating, provenance);
    }

    @Override
    public String toString() {
        return name + "(" + type + ")";
    }
}
