package dev.agentavailability.contract;

import java.util.Objects;
import java.util.function.Function;

/** A record read from a topic: either the value, or the reason it is malformed (for the dead-letter topic). */
public record Decoded<T>(T value, String error) {

    /** A value read; none (JSON {@code null} reads as none) is a malformed record, never an exception. */
    public static <T> Decoded<T> ok(T value) {
        return value == null ? malformed("the record value is JSON null") : new Decoded<>(value, null);
    }

    public static <T> Decoded<T> malformed(String error) {
        return new Decoded<>(null, Objects.requireNonNull(error));
    }

    public boolean isValid() {
        return error == null;
    }

    /** Keeps a valid value only if the check finds no fault (null), else turns it malformed. */
    public Decoded<T> check(Function<T, String> fault) {
        if (!isValid()) {
            return this;
        }
        String found = fault.apply(value);
        return found == null ? this : malformed(found);
    }
}
