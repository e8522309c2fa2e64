package dev.agentavailability.projection;

/** Where a task stands for its agent; each counts against the task limit, as ICM's NumTasks does. */
public enum TaskStatus {
    OFFERED,
    ACTIVE,
    PAUSED,
    WRAPUP
}
