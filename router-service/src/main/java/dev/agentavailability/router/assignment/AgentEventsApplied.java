package dev.agentavailability.router.assignment;

/** CDI event fired after a batch of agent events is applied to the owned partitions: availability may differ. */
public record AgentEventsApplied() {
}
