package dev.agentavailability.simulator;

import dev.agentavailability.contract.arm.ArmEvent;
import dev.agentavailability.contract.arm.ArmFields;
import dev.agentavailability.contract.arm.ArmMessage;
import dev.agentavailability.contract.arm.TaskId;
import dev.agentavailability.projection.AgentMrdState;
import dev.agentavailability.projection.AgentState;
import dev.agentavailability.projection.TaskEntry;
import java.time.Instant;
import java.util.TreeMap;

/**
 * The simulator's actions as the ARM events listener-service would publish, and the listener's agent as the
 * simulator sees it.
 */
final class ListenerRules {

    private static final Instant AT = Instant.parse("2025-01-06T14:00:00Z");

    private ListenerRules() {
    }

    static ArmEvent event(Action.AgentAction action) {
        ArmMessage message;
        ArmFields fields;
        if (action instanceof Action.Login login) {
            message = ArmMessage.MEDIA_LOGIN_REQ;
            fields = ArmFields.mediaLogin(0, false, login.maxTaskLimit(), Integer.toString(login.icmAgentId()));
        } else if (action instanceof Action.Routable routable) {
            message = ArmMessage.MAKE_AGENT_ROUTABLE_IND;
            fields = ArmFields.maxTasks(routable.maxTasks());
        } else if (action instanceof Action.Ready) {
            message = ArmMessage.MAKE_AGENT_READY_IND;
            fields = ArmFields.makeRoutable(true);
        } else if (action instanceof Action.NotReady notReady) {
            message = ArmMessage.MAKE_AGENT_NOT_READY_REQ;
            fields = ArmFields.reasonCode(notReady.reasonCode());
        } else if (action instanceof Action.Logout) {
            message = ArmMessage.MEDIA_LOGOUT_IND;
            fields = ArmFields.NONE;
        } else if (action instanceof Action.StartTask start) {
            message = ArmMessage.START_TASK_IND;
            fields = ArmFields.task(TaskId.parse(start.taskId()).orElseThrow());
        } else if (action instanceof Action.WrapUp wrapUp) {
            message = ArmMessage.WRAPUP_TASK_IND;
            fields = ArmFields.task(TaskId.parse(wrapUp.taskId()).orElseThrow());
        } else {
            Action.EndTask end = (Action.EndTask) action;
            message = ArmMessage.END_TASK_IND;
            fields = ArmFields.taskEnd(TaskId.parse(end.taskId()).orElseThrow(), 38);
        }
        return ArmEvent.of(message, AT, 1, action.mrdId(), action.icmAgentId(), fields, "simulator-test");
    }

    static ArmEvent offer(int agent, int mrd, String taskId) {
        return ArmEvent.of(ArmMessage.OFFER_TASK_IND, AT, 1, mrd, agent,
                ArmFields.task(TaskId.parse(taskId).orElseThrow()), "router-test");
    }

    /** What listener-service's GET /agents/{id} tells the simulator about one MRD. */
    static SimAgent view(int agent, AgentState state, int mrd) {
        AgentMrdState m = state == null ? null : state.mrds().get(mrd);
        if (m == null || !m.loggedIn()) {
            return SimAgent.loggedOut(agent);
        }
        TreeMap<String, TaskStatus> tasks = new TreeMap<>();
        for (TaskEntry t : m.tasks()) {
            tasks.put(t.taskId().toString(), TaskStatus.valueOf(t.status().name()));
        }
        return new SimAgent(agent, true, m.routable(), m.ready(), (int) m.taskLimit(), tasks);
    }
}
