package dev.agentavailability.projection;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.agentavailability.contract.arm.IcmAgentState;
import dev.agentavailability.contract.arm.TaskId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * An agent's standing in one media routing domain. Immutable: every change makes a new value, so that a
 * reader never sees half an event applied.
 *
 * @param notReadyReason the reason code of the last Not Ready, 0 when ready or none given
 * @param taskLimit      the concurrent task limit (MaxTaskLimit)
 * @param tasks          offered, active, paused and wrapping tasks, ordered by task id
 * @param state          ICM agent state derived from the flags and tasks
 * @param interrupted    a non-interruptible task of another MRD interrupts the agent here (interrupt accepted)
 * @param stateSince     when the agent entered {@code state} (event time)
 */
public record AgentMrdState(int mrdId, boolean loggedIn, boolean routable, boolean ready, int notReadyReason,
        long taskLimit, List<TaskEntry> tasks, boolean interrupted, IcmAgentState state, Instant stateSince) {

    public AgentMrdState {
        tasks = tasks == null ? List.of() : List.copyOf(tasks);
    }

    static AgentMrdState loggedOut(int mrdId, Instant at) {
        return new AgentMrdState(mrdId, false, false, false, 0, 0, List.of(), false, IcmAgentState.LOGOUT, at);
    }

    /** ICM's NumTasks: every task the agent holds, whatever its status. */
    @JsonIgnore
    public int activeTasks() {
        return tasks.size();
    }

    @JsonIgnore
    public boolean atTaskLimit() {
        return tasks.size() >= taskLimit;
    }

    public Optional<TaskEntry> task(TaskId id) {
        return tasks.stream().filter(t -> t.taskId().equals(id)).findFirst();
    }

    /** Whether the agent works a task that a non-interruptible MRD would not let go (reserved, active or wrapping). */
    @JsonIgnore
    public boolean isWorking() {
        return tasks.stream().anyMatch(t -> t.status() != TaskStatus.PAUSED);
    }

    AgentMrdState withFlags(boolean loggedIn, boolean routable, boolean ready, int reason, long limit, Instant at) {
        return new AgentMrdState(mrdId, loggedIn, routable, ready, reason, limit, tasks, interrupted && loggedIn,
                state, stateSince).rederive(at);
    }

    AgentMrdState withTask(TaskEntry entry, Instant at) {
        List<TaskEntry> next = new ArrayList<>(tasks);
        next.removeIf(t -> t.taskId().equals(entry.taskId()));
        next.add(entry);
        next.sort(Comparator.comparing(TaskEntry::taskId));
        return new AgentMrdState(mrdId, loggedIn, routable, ready, notReadyReason, taskLimit, next, interrupted,
                state, stateSince).rederive(at);
    }

    AgentMrdState withoutTask(TaskId id, Instant at) {
        List<TaskEntry> next = new ArrayList<>(tasks);
        next.removeIf(t -> t.taskId().equals(id));
        return new AgentMrdState(mrdId, loggedIn, routable, ready, notReadyReason, taskLimit, next, interrupted,
                state, stateSince).rederive(at);
    }

    AgentMrdState withInterrupted(boolean now, Instant at) {
        return new AgentMrdState(mrdId, loggedIn, routable, ready, notReadyReason, taskLimit, tasks, now, state,
                stateSince).rederive(at);
    }

    /** Re-derives the ICM state; the time in state restarts only when the state really changes. */
    private AgentMrdState rederive(Instant at) {
        IcmAgentState derived = derive();
        Instant since = derived == state && stateSince != null ? stateSince : at;
        return new AgentMrdState(mrdId, loggedIn, routable, ready, notReadyReason, taskLimit, tasks, interrupted,
                derived, since);
    }

    private IcmAgentState derive() {
        if (!loggedIn) {
            return IcmAgentState.LOGOUT;
        }
        if (interrupted) {
            return IcmAgentState.INTERRUPTED;
        }
        if (tasks.isEmpty()) {
            return ready ? IcmAgentState.NOT_ACTIVE : IcmAgentState.NOT_READY;
        }
        if (has(TaskStatus.ACTIVE)) {
            return IcmAgentState.ACTIVE;
        }
        if (has(TaskStatus.WRAPUP)) {
            return ready ? IcmAgentState.WORK_READY : IcmAgentState.WORK_NOT_READY;
        }
        if (has(TaskStatus.OFFERED)) {
            return IcmAgentState.RESERVED;
        }
        return IcmAgentState.PAUSED;
    }

    private boolean has(TaskStatus status) {
        return tasks.stream().anyMatch(t -> t.status() == status);
    }
}
