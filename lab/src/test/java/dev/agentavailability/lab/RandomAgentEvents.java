package dev.agentavailability.lab;

import dev.agentavailability.contract.arm.ArmEvent;
import dev.agentavailability.contract.arm.ArmFields;
import dev.agentavailability.contract.arm.ArmMessage;
import dev.agentavailability.contract.arm.TaskId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A seeded random walk of agents through login, routable, ready, tasks and logout in MRD 5000, with some illegal
 * steps (a task on a logged-out agent, the end of an unknown task) that the router must record as anomalies.
 */
final class RandomAgentEvents {

    private static final int MRD = 5000;
    private static final ArmMessage[] STEPS = {ArmMessage.MEDIA_LOGIN_REQ, ArmMessage.MAKE_AGENT_ROUTABLE_IND,
        ArmMessage.MAKE_AGENT_READY_IND, ArmMessage.MAKE_AGENT_NOT_READY_REQ, ArmMessage.START_TASK_IND,
        ArmMessage.START_TASK_IND, ArmMessage.END_TASK_IND, ArmMessage.END_TASK_IND, ArmMessage.MEDIA_LOGOUT_IND};

    private final Random random;
    private final int firstAgent;
    private final int agents;
    private final String source;
    private Instant clock = Instant.parse("2026-11-26T09:00:00Z");
    private long invokeId = 1;

    /** Agents {@code firstAgent} to {@code firstAgent + agents - 1}; events 250 ms apart. */
    RandomAgentEvents(Random random, int firstAgent, int agents, String source) {
        this.random = random;
        this.firstAgent = firstAgent;
        this.agents = agents;
        this.source = source;
    }

    List<ArmEvent> take(int count) {
        List<ArmEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int agent = firstAgent + random.nextInt(agents);
            ArmMessage message = STEPS[random.nextInt(STEPS.length)];
            TaskId task = new TaskId(0, random.nextInt(3), 0);
            ArmFields fields = switch (message) {
                case MEDIA_LOGIN_REQ -> ArmFields.mediaLogin(0, false, 2, null);
                case MAKE_AGENT_ROUTABLE_IND -> ArmFields.maxTasks(1 + random.nextInt(3));
                case MAKE_AGENT_READY_IND -> ArmFields.makeRoutable(true);
                case MAKE_AGENT_NOT_READY_REQ -> ArmFields.reasonCode(random.nextInt(4));
                case START_TASK_IND, END_TASK_IND -> ArmFields.task(task);
                default -> ArmFields.NONE;
            };
            clock = clock.plusMillis(250);
            events.add(ArmEvent.of(message, clock, invokeId++, MRD, agent, fields, source));
        }
        return events;
    }
}
