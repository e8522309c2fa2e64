package dev.agentavailability.projection;

import dev.agentavailability.contract.arm.ArmMessage;
import dev.agentavailability.contract.arm.ArmStatus;
import java.time.Instant;
import java.util.UUID;

/** An event on the topic that the agent's state did not allow; recorded, not applied. */
public record Anomaly(int partition, long offset, UUID eventId, int icmAgentId, int mrdId, ArmMessage message,
        ArmStatus status, String reason, Instant occurredAt) {
}
