package dev.agentavailability.contract.wire;

import java.util.Objects;

/** A field a message may carry in its floating part, identified there by its tag. */
public record FloatingField(int tag, WireField field) {

    public FloatingField {
        Objects.requireNonNull(field, "field");
        if (tag < 0 || tag > 0xFFFF) {
            throw new IllegalArgumentException("tag " + tag + " of " + field.wireName() + " is outside 0..65535");
        }
    }

    public String key() {
        return field.key();
    }

    public String wireName() {
        return field.wireName();
    }

    public FieldType type() {
        return field.type();
    }

    /** Whether the tag fits the tag width (tags above 255 need two-byte tags). */
    public boolean fits(TagWidth width) {
        return tag <= width.max();
    }

    @Override
    public String toString() {
        return tag + " " + field;
    }
}
