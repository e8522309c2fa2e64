package dev.agentavailability.contract.availability;

import java.util.Optional;

/**
 * The record key of the availability topics, {@code id/partition}: a skill group's or an MRD's counts within one
 * agent-event partition. Written and parsed only here.
 */
public record AvailabilityKey(int id, int partition) {

    /** The key as it is on the topic, e.g. {@code 6928/2}. */
    public String text() {
        return id + "/" + partition;
    }

    /** The key of this text, or empty when it is not {@code id/partition} with a partition of 0 or more. */
    public static Optional<AvailabilityKey> parse(String key) {
        if (key == null) {
            return Optional.empty();
        }
        int slash = key.indexOf('/');
        if (slash <= 0 || slash == key.length() - 1) {
            return Optional.empty();
        }
        try {
            int id = Integer.parseInt(key.substring(0, slash));
            int partition = Integer.parseInt(key.substring(slash + 1));
            return partition < 0 ? Optional.empty() : Optional.of(new AvailabilityKey(id, partition));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
