package dev.agentavailability.simulator;

/** Where a task stands for its agent, as the listener reports it; every status counts against the limit. */
public enum TaskStatus {
    OFFERED,
    ACTIVE,
    PAUSED,
    WRAPUP
}
