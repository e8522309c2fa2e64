package dev.agentavailability.projection;

import dev.agentavailability.contract.arm.ArmEvent;
import dev.agentavailability.contract.arm.ArmFields;
import dev.agentavailability.contract.arm.ArmMessage;
import dev.agentavailability.contract.arm.TaskId;
import java.time.Instant;

/** Builds the ARM events of one agent, one second apart, for tests. */
final class Events {

    private final int agent;
    private Instant clock = Instant.parse("2019-08-19T13:34:00Z");
    private long invokeId = 80170;

    Events(int agent) {
        this.agent = agent;
    }

    ArmEvent login(int mrd, long limit) {
        return event(ArmMessage.MEDIA_LOGIN_REQ, mrd, ArmFields.mediaLogin(0, false, limit, "1005"));
    }

    ArmEvent logout(int mrd) {
        return event(ArmMessage.MEDIA_LOGOUT_IND, mrd, ArmFields.NONE);
    }

    ArmEvent routable(int mrd, long maxTasks) {
        return event(ArmMessage.MAKE_AGENT_ROUTABLE_IND, mrd, ArmFields.maxTasks(maxTasks));
    }

    ArmEvent notRoutable(int mrd) {
        return event(ArmMessage.MAKE_AGENT_NOT_ROUTABLE_REQ, mrd, ArmFields.NONE);
    }

    ArmEvent ready(int mrd) {
        return event(ArmMessage.MAKE_AGENT_READY_IND, mrd, ArmFields.makeRoutable(true));
    }

    ArmEvent notReady(int mrd, int reason) {
        return event(ArmMessage.MAKE_AGENT_NOT_READY_REQ, mrd, ArmFields.reasonCode(reason));
    }

    ArmEvent task(ArmMessage message, int mrd, long task) {
        return event(message, mrd, ArmFields.task(new TaskId(0, task, 0)));
    }

    ArmEvent limit(int mrd, long limit) {
        return event(ArmMessage.CHANGE_MAX_TASK_LIMIT_REQ, mrd, ArmFields.maxTaskLimit(limit));
    }

    ArmEvent event(ArmMessage message, int mrd, ArmFields fields) {
        clock = clock.plusSeconds(1);
        return ArmEvent.of(message, clock, invokeId++, mrd, agent, fields, "test");
    }
}
