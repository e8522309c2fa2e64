package dev.agentavailability.projection;

import dev.agentavailability.contract.arm.ArmStatus;

/** Why an ARM message cannot apply to the agent's current state: the ARM status and a sentence for people. */
public record Refusal(ArmStatus status, String reason) {
}
