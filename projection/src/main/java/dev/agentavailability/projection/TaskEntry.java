package dev.agentavailability.projection;

import dev.agentavailability.contract.arm.TaskId;
import java.time.Instant;

/** One task an agent holds in an MRD, and since when it has been in its status. */
public record TaskEntry(TaskId taskId, TaskStatus status, Instant since) {

    TaskEntry moveTo(TaskStatus next, Instant at) {
        return new TaskEntry(taskId, next, at);
    }
}
