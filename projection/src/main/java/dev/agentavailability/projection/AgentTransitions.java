package dev.agentavailability.projection;

import dev.agentavailability.contract.arm.ArmEvent;
import dev.agentavailability.contract.arm.ArmFields;
import dev.agentavailability.contract.arm.ArmStatus;
import dev.agentavailability.contract.arm.TaskId;
import java.time.Instant;
import java.util.Optional;

/**
 * How an ARM message changes one agent, and when the agent's state does not allow it. The listener asks
 * {@link #check} before it publishes; the router asks it again and records a refusal as an anomaly
 * instead of applying the event. Both use the same rules, so they cannot disagree.
 */
public final class AgentTransitions {

    private static final TaskStatus[] ANY_STATUS = TaskStatus.values();

    private AgentTransitions() {
    }

    /** The refusal for this event against the agent's state (null agent = never seen), or empty if it applies. */
    public static Optional<Refusal> check(AgentState agent, ArmEvent event) {
        AgentMrdState mrd = agent == null ? null : agent.in(event.mrdId());
        boolean loggedIn = mrd != null && mrd.loggedIn();
        ArmFields f = event.fields();
        switch (event.message()) {
            case MEDIA_LOGIN_REQ:
                if (loggedIn) {
                    return refuse(ArmStatus.E_ARM_STAT_AGENT_ALREADY_LOGGED_IN, event, "is already logged into");
                }
                return negative(f.maxTaskLimit(), "maxTaskLimit");
            case MEDIA_LOGIN_RESP:
            case MAKE_AGENT_NOT_ROUTABLE_RESP:
            case MAKE_AGENT_NOT_READY_RESP:
            case CHANGE_MAX_TASK_LIMIT_RESP:
            case OFFER_APPLICATION_TASK_RESP:
            case START_APPLICATION_TASK_RESP:
            case AGENT_INTERRUPT_ADVISORY_EVENT:
            case AGENT_INTERRUPT_UNACCEPTED_IND:
            case AGENT_INTERRUPT_DONE_ADVISORY_EVENT:
            case APP_PATH_DOMAIN_STATUS_EVENT:
                // Replies, advisories and MRD-wide reports change no agent by themselves.
                return Optional.empty();
            default:
                break;
        }
        if (!loggedIn) {
            return refuse(ArmStatus.E_ARM_STAT_AGENT_NOT_LOGGED_IN, event, "is not logged into");
        }
        switch (event.message()) {
            case MAKE_AGENT_ROUTABLE_IND:
                return negative(f.maxTasks(), "maxTasks");
            case CHANGE_MAX_TASK_LIMIT_REQ:
                return negative(f.maxTaskLimit(), "maxTaskLimit");
            case OFFER_TASK_IND:
            case OFFER_APPLICATION_TASK_REQ:
                return checkNewTask(mrd, event, true);
            case START_TASK_IND:
            case START_APPLICATION_TASK_REQ:
                return checkNewTask(mrd, event, false);
            case PAUSE_TASK_IND:
                return checkTask(mrd, event, TaskStatus.ACTIVE);
            case RESUME_TASK_IND:
                return checkTask(mrd, event, TaskStatus.PAUSED);
            case WRAPUP_TASK_IND:
                return checkTask(mrd, event, TaskStatus.ACTIVE, TaskStatus.PAUSED);
            case END_TASK_IND:
            case MAX_TASK_LIFETIME_EXCEEDED_EVENT:
                return checkTask(mrd, event, ANY_STATUS);
            case AGENT_INTERRUPT_DONE_ACCEPTED_IND:
                return mrd.interrupted() ? Optional.empty()
                        : refuse(ArmStatus.NOT_INTERRUPTED, event, "is not interrupted in");
            default:
                return Optional.empty();
        }
    }

    /** The agent after the event. Call only when {@link #check} found nothing. */
    public static AgentState apply(AgentState agent, ArmEvent event) {
        AgentState current = agent == null ? AgentState.empty(event.icmAgentId()) : agent;
        Instant at = event.occurredAt();
        AgentMrdState known = current.in(event.mrdId());
        AgentMrdState mrd = known != null ? known : AgentMrdState.loggedOut(event.mrdId(), at);
        ArmFields f = event.fields();
        AgentMrdState next = switch (event.message()) {
            // ECE signs in with AgentMode 0 and IsAvailable false, then goes routable and ready by indications.
            case MEDIA_LOGIN_REQ -> AgentMrdState.loggedOut(event.mrdId(), mrd.stateSince())
                    .withFlags(true, Integer.valueOf(1).equals(f.agentMode()), Boolean.TRUE.equals(f.isAvailable()), 0,
                            f.maxTaskLimit(), at);
            // Logging out ends every task the agent held (disposition 40, agent logged out during task).
            case MEDIA_LOGOUT_IND -> AgentMrdState.loggedOut(event.mrdId(), mrd.stateSince())
                    .withFlags(false, false, false, 0, 0, at);
            case MAKE_AGENT_ROUTABLE_IND -> mrd.withFlags(true, true, mrd.ready(), mrd.notReadyReason(), f.maxTasks(), at);
            case MAKE_AGENT_NOT_ROUTABLE_REQ, AGENT_MADE_NOT_ROUTABLE_EVENT ->
                    mrd.withFlags(true, false, mrd.ready(), mrd.notReadyReason(), mrd.taskLimit(), at);
            case MAKE_AGENT_READY_IND -> mrd.withFlags(true, mrd.routable() || Boolean.TRUE.equals(f.makeRoutable()),
                    true, 0, mrd.taskLimit(), at);
            case MAKE_AGENT_NOT_READY_REQ -> mrd.withFlags(true, mrd.routable(), false,
                    f.reasonCode() == null ? 0 : f.reasonCode(), mrd.taskLimit(), at);
            case CHANGE_MAX_TASK_LIMIT_REQ -> mrd.withFlags(true, mrd.routable(), mrd.ready(), mrd.notReadyReason(),
                    f.maxTaskLimit(), at);
            case OFFER_TASK_IND, OFFER_APPLICATION_TASK_REQ ->
                    mrd.withTask(new TaskEntry(f.taskId(), TaskStatus.OFFERED, at), at);
            case START_TASK_IND, START_APPLICATION_TASK_REQ -> moveTask(mrd, f.taskId(), TaskStatus.ACTIVE, at);
            case PAUSE_TASK_IND -> moveTask(mrd, f.taskId(), TaskStatus.PAUSED, at);
            case RESUME_TASK_IND -> moveTask(mrd, f.taskId(), TaskStatus.ACTIVE, at);
            case WRAPUP_TASK_IND -> moveTask(mrd, f.taskId(), TaskStatus.WRAPUP, at);
            case END_TASK_IND, MAX_TASK_LIFETIME_EXCEEDED_EVENT -> mrd.withoutTask(f.taskId(), at);
            case AGENT_INTERRUPT_ACCEPTED_IND -> mrd.withInterrupted(true, at);
            case AGENT_INTERRUPT_DONE_ACCEPTED_IND -> mrd.withInterrupted(false, at);
            case MEDIA_LOGIN_RESP, MAKE_AGENT_NOT_ROUTABLE_RESP, MAKE_AGENT_NOT_READY_RESP, CHANGE_MAX_TASK_LIMIT_RESP,
                    OFFER_APPLICATION_TASK_RESP, START_APPLICATION_TASK_RESP, AGENT_INTERRUPT_ADVISORY_EVENT,
                    AGENT_INTERRUPT_UNACCEPTED_IND, AGENT_INTERRUPT_DONE_ADVISORY_EVENT, APP_PATH_DOMAIN_STATUS_EVENT -> null;
        };
        return next == null ? current : current.with(next);
    }

    private static AgentMrdState moveTask(AgentMrdState mrd, TaskId id, TaskStatus status, Instant at) {
        TaskEntry task = mrd.find(id);
        return mrd.withTask(task != null ? task.moveTo(status, at) : new TaskEntry(id, status, at), at);
    }

    /** A new task needs room under the limit; START of an offered task only moves it on. */
    private static Optional<Refusal> checkNewTask(AgentMrdState mrd, ArmEvent event, boolean offer) {
        TaskId id = event.fields().taskId();
        TaskEntry existing = mrd.find(id);
        if (existing != null) {
            if (!offer && existing.status() == TaskStatus.OFFERED) {
                return Optional.empty();
            }
            return refuse(ArmStatus.DUPLICATE_TASK, event, "already holds task " + id + " in");
        }
        if (mrd.atTaskLimit()) {
            return refuse(ArmStatus.TASK_LIMIT_REACHED, event,
                    "holds " + mrd.activeTasks() + " of " + mrd.taskLimit() + " tasks, no room for task " + id + " in");
        }
        return Optional.empty();
    }

    private static Optional<Refusal> checkTask(AgentMrdState mrd, ArmEvent event, TaskStatus... allowed) {
        TaskId id = event.fields().taskId();
        TaskEntry task = mrd.find(id);
        if (task == null) {
            return refuse(ArmStatus.UNKNOWN_TASK, event, "holds no task " + id + " in");
        }
        for (TaskStatus status : allowed) {
            if (task.status() == status) {
                return Optional.empty();
            }
        }
        return refuse(ArmStatus.TASK_STATE_CONFLICT, event,
                "holds task " + id + " as " + task.status() + ", which " + event.message() + " does not apply to, in");
    }

    private static Optional<Refusal> negative(Long value, String field) {
        if (value != null && value < 0) {
            return Optional.of(new Refusal(ArmStatus.INVALID_TASK_LIMIT, field + " must be zero or more, was " + value));
        }
        return Optional.empty();
    }

    private static Optional<Refusal> refuse(ArmStatus status, ArmEvent event, String what) {
        return Optional.of(new Refusal(status, event.message() + ": agent " + event.icmAgentId() + " " + what
                + " MRD " + event.mrdId()));
    }
}
