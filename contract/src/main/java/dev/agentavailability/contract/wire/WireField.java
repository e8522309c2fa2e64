package dev.agentavailability.contract.wire;

import java.util.Objects;

/**
 * One field of a CTI message: the key a decoded {@link WireMessage} uses (lowerCamelCase), the name Cisco's
 * guides and traces use (used in error messages), and its data type.
 */
public record WireField(String key, String wireName, FieldType type) {

    public WireField {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(wireName, "wireName");
        Objects.requireNonNull(type, "type");
        if (key.isBlank() || wireName.isBlank()) {
            throw new IllegalArgumentException("a field needs a key and a wire name");
        }
    }

    @Override
    public String toString() {
        return wireName + " " + type;
    }
}
