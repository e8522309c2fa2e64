package dev.agentavailability.projection;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.agentavailability.contract.arm.IcmAgentState;
import dev.agentavailability.contract.arm.TaskId;
import java.time.Instant;
import java.util.Arrays;
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
        tasks = tasks == null ? List.of() : inTaskOrder(tasks);
    }

    /**
     * The tasks ordered by task id, as {@link #withTask} keeps them: a list that is not (from a hand-written snapshot,
     * say) is sorted once here, so two states with the same tasks are equal whatever order they came in.
     */
    private static List<TaskEntry> inTaskOrder(List<TaskEntry> tasks) {
        List<TaskEntry> copy = List.copyOf(tasks);
        for (int k = 1; k < copy.size(); k++) {
            if (copy.get(k - 1).taskId().compareTo(copy.get(k).taskId()) > 0) {
                TaskEntry[] sorted = copy.toArray(new TaskEntry[0]);
                Arrays.sort(sorted, (a, b) -> a.taskId().compareTo(b.taskId()));
                return List.of(sorted);
            }
        }
        return copy;
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
        return Optional.ofNullable(find(id));
    }

    /** The task with this id, or null. Loops rather than streams: the projection asks this for most events. */
    TaskEntry find(TaskId id) {
        for (int k = 0; k < tasks.size(); k++) {
            TaskEntry t = tasks.get(k);
            if (t.taskId().equals(id)) {
                return t;
            }
        }
        return null;
    }

    /** Whether the agent works a task that a non-interruptible MRD would not let go (reserved, active or wrapping). */
    @JsonIgnore
    public boolean isWorking() {
        for (int k = 0; k < tasks.size(); k++) {
            if (tasks.get(k).status() != TaskStatus.PAUSED) {
                return true;
            }
        }
        return false;
    }

    AgentMrdState withFlags(boolean loggedIn, boolean routable, boolean ready, int reason, long limit, Instant at) {
        return next(loggedIn, routable, ready, reason, limit, tasks, interrupted && loggedIn, at);
    }

    /** With the task added, or put in place of the one with its id; the list stays ordered by task id. */
    AgentMrdState withTask(TaskEntry entry, Instant at) {
        TaskEntry[] next = new TaskEntry[tasks.size() + 1];
        int n = 0;
        boolean placed = false;
        for (int k = 0; k < tasks.size(); k++) {
            TaskEntry t = tasks.get(k);
            if (t.taskId().equals(entry.taskId())) {
                continue;
            }
            if (!placed && entry.taskId().compareTo(t.taskId()) < 0) {
                next[n++] = entry;
                placed = true;
            }
            next[n++] = t;
        }
        if (!placed) {
            next[n++] = entry;
        }
        List<TaskEntry> list = List.of(n == next.length ? next : Arrays.copyOf(next, n));
        return next(loggedIn, routable, ready, notReadyReason, taskLimit, list, interrupted, at);
    }

    AgentMrdState withoutTask(TaskId id, Instant at) {
        TaskEntry[] next = new TaskEntry[tasks.size()];
        int n = 0;
        for (int k = 0; k < tasks.size(); k++) {
            TaskEntry t = tasks.get(k);
            if (!t.taskId().equals(id)) {
                next[n++] = t;
            }
        }
        List<TaskEntry> list = n == next.length ? tasks : List.of(Arrays.copyOf(next, n));
        return next(loggedIn, routable, ready, notReadyReason, taskLimit, list, interrupted, at);
    }

    AgentMrdState withInterrupted(boolean now, Instant at) {
        return next(loggedIn, routable, ready, notReadyReason, taskLimit, tasks, now, at);
    }

    /** The next value, its ICM state derived again; the time in state restarts only when the state really changes. */
    private AgentMrdState next(boolean loggedIn, boolean routable, boolean ready, int reason, long limit,
            List<TaskEntry> tasks, boolean interrupted, Instant at) {
        IcmAgentState derived = derive(loggedIn, interrupted, ready, tasks);
        Instant since = derived == state && stateSince != null ? stateSince : at;
        return new AgentMrdState(mrdId, loggedIn, routable, ready, reason, limit, tasks, interrupted, derived, since);
    }

    private static IcmAgentState derive(boolean loggedIn, boolean interrupted, boolean ready, List<TaskEntry> tasks) {
        if (!loggedIn) {
            return IcmAgentState.LOGOUT;
        }
        if (interrupted) {
            return IcmAgentState.INTERRUPTED;
        }
        if (tasks.isEmpty()) {
            return ready ? IcmAgentState.NOT_ACTIVE : IcmAgentState.NOT_READY;
        }
        // one pass: ACTIVE over WRAPUP over OFFERED over PAUSED
        boolean wrapup = false;
        boolean offered = false;
        for (int k = 0; k < tasks.size(); k++) {
            switch (tasks.get(k).status()) {
                case ACTIVE:
                    return IcmAgentState.ACTIVE;
                case WRAPUP:
                    wrapup = true;
                    break;
                case OFFERED:
                    offered = true;
                    break;
                default:
                    break;
            }
        }
        if (wrapup) {
            return ready ? IcmAgentState.WORK_READY : IcmAgentState.WORK_NOT_READY;
        }
        return offered ? IcmAgentState.RESERVED : IcmAgentState.PAUSED;
    }
}
