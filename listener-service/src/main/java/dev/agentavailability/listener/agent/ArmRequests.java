package dev.agentavailability.listener.agent;

import dev.agentavailability.contract.arm.ArmFields;
import dev.agentavailability.contract.arm.ArmMessage;
import dev.agentavailability.contract.arm.TaskId;
import dev.agentavailability.rest.Problem;
import dev.agentavailability.rest.ProblemException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/** Turns the bodies of agent actions into ARM requests, filling in what the ECE listener sends by default. */
final class ArmRequests {

    /** The task actions of the REST API (path segment → message), as a JAX-RS path pattern. */
    static final String TASK_ACTIONS = "offer|start|pause|resume|wrapup|offer-application|start-application";
    /** The interrupt answers of the REST API, as a JAX-RS path pattern. */
    static final String INTERRUPT_ACTIONS = "interrupt-accepted|interrupt-unaccepted|interrupt-done-accepted";

    private static final Map<String, ArmMessage> TASK_MESSAGES = Map.of(
            "offer", ArmMessage.OFFER_TASK_IND,
            "start", ArmMessage.START_TASK_IND,
            "pause", ArmMessage.PAUSE_TASK_IND,
            "resume", ArmMessage.RESUME_TASK_IND,
            "wrapup", ArmMessage.WRAPUP_TASK_IND,
            "offer-application", ArmMessage.OFFER_APPLICATION_TASK_REQ,
            "start-application", ArmMessage.START_APPLICATION_TASK_REQ);
    private static final Map<String, ArmMessage> INTERRUPT_MESSAGES = Map.of(
            "interrupt-accepted", ArmMessage.AGENT_INTERRUPT_ACCEPTED_IND,
            "interrupt-unaccepted", ArmMessage.AGENT_INTERRUPT_UNACCEPTED_IND,
            "interrupt-done-accepted", ArmMessage.AGENT_INTERRUPT_DONE_ACCEPTED_IND);

    private ArmRequests() {
    }

    static ArmRequest login(int agent, int mrd, Bodies.Login body) {
        int agentMode = body.agentMode() == null ? 0 : body.agentMode();
        boolean available = Boolean.TRUE.equals(body.isAvailable());
        return new ArmRequest(ArmMessage.MEDIA_LOGIN_REQ, agent, mrd,
                ArmFields.mediaLogin(agentMode, available, body.maxTaskLimit(), body.agentInfo()));
    }

    static ArmRequest logout(int agent, int mrd, Bodies.Logout body) {
        Integer disposition = body == null ? null : body.disposition();
        return new ArmRequest(ArmMessage.MEDIA_LOGOUT_IND, agent, mrd,
                disposition == null ? ArmFields.NONE : ArmFields.disposition(disposition));
    }

    static ArmRequest routable(int agent, int mrd, Bodies.Routable body) {
        return new ArmRequest(ArmMessage.MAKE_AGENT_ROUTABLE_IND, agent, mrd, ArmFields.maxTasks(body.maxTasks()));
    }

    static ArmRequest notRoutable(int agent, int mrd) {
        return new ArmRequest(ArmMessage.MAKE_AGENT_NOT_ROUTABLE_REQ, agent, mrd, ArmFields.NONE);
    }

    static ArmRequest ready(int agent, int mrd, Bodies.Ready body) {
        boolean makeRoutable = body == null || body.makeRoutable() == null || body.makeRoutable();
        return new ArmRequest(ArmMessage.MAKE_AGENT_READY_IND, agent, mrd, ArmFields.makeRoutable(makeRoutable));
    }

    static ArmRequest notReady(int agent, int mrd, Bodies.NotReady body) {
        int reason = body == null || body.reasonCode() == null ? 0 : body.reasonCode();
        return new ArmRequest(ArmMessage.MAKE_AGENT_NOT_READY_REQ, agent, mrd, ArmFields.reasonCode(reason));
    }

    static ArmRequest taskLimit(int agent, int mrd, Bodies.TaskLimit body) {
        return new ArmRequest(ArmMessage.CHANGE_MAX_TASK_LIMIT_REQ, agent, mrd,
                ArmFields.maxTaskLimit(body.maxTaskLimit()));
    }

    static ArmMessage taskAction(String action) {
        return action(TASK_MESSAGES, action);
    }

    /** The client's answer to an interrupt advisory, or to the end of the interrupt. */
    static ArmRequest interrupt(String action, int agent, int mrd) {
        return new ArmRequest(action(INTERRUPT_MESSAGES, action), agent, mrd, ArmFields.NONE);
    }

    /** OFFER/START/PAUSE/RESUME/WRAPUP_TASK_IND, OFFER/START_APPLICATION_TASK_REQ. */
    static ArmRequest task(ArmMessage message, int agent, int mrd, String taskId) {
        return new ArmRequest(message, agent, mrd, ArmFields.task(taskId(taskId)));
    }

    static ArmRequest endTask(int agent, int mrd, String taskId, Bodies.EndTask body) {
        Integer disposition = body == null ? null : body.disposition();
        return new ArmRequest(ArmMessage.END_TASK_IND, agent, mrd, ArmFields.taskEnd(taskId(taskId), disposition));
    }

    private static ArmMessage action(Map<String, ArmMessage> actions, String action) {
        ArmMessage message = actions.get(action);
        if (message == null) {
            // The path pattern lets only the known actions through.
            throw new ProblemException(Problem.of(Response.Status.NOT_FOUND, "no action '" + action + "'"));
        }
        return message;
    }

    static TaskId taskId(String text) {
        return TaskId.parse(text).orElseThrow(() -> new ProblemException(Problem.of(Response.Status.BAD_REQUEST,
                "taskId '" + text + "' is not a CTI task id: write N or high-low-sequence, e.g. 4711 or 0-4711-0")
                .with("violations", List.of(Map.of("field", "taskId",
                        "message", "must be N or high-low-sequence")))));
    }
}
