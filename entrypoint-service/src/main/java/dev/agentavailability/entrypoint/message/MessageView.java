package dev.agentavailability.entrypoint.message;

import java.time.Instant;

/** A left message as supervisors read it. */
public record MessageView(long id, long entryPointId, int responseType, boolean offHours, String name, String email,
        String text, Instant receivedAt) {
}
