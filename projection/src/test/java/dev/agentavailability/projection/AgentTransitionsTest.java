package dev.agentavailability.projection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentavailability.contract.arm.ArmEvent;
import dev.agentavailability.contract.arm.ArmMessage;
import dev.agentavailability.contract.arm.ArmStatus;
import dev.agentavailability.contract.arm.IcmAgentState;
import dev.agentavailability.contract.arm.TaskId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AgentTransitionsTest {

    private final Events e = new Events(6420);

    private AgentState run(ArmEvent... events) {
        AgentState agent = null;
        for (ArmEvent event : events) {
            assertThat(AgentTransitions.check(agent, event)).as("refusal of %s", event.message()).isEmpty();
            agent = AgentTransitions.apply(agent, event);
        }
        return agent;
    }

    private Optional<ArmStatus> refusal(AgentState agent, ArmEvent event) {
        return AgentTransitions.check(agent, event).map(Refusal::status);
    }

    @Test
    void tasksAreKeptInTaskIdOrderWhateverOrderTheyCameIn() {
        java.time.Instant at = java.time.Instant.parse("2019-08-19T13:30:00Z");
        TaskEntry one = new TaskEntry(new TaskId(0, 1, 0), TaskStatus.ACTIVE, at);
        TaskEntry two = new TaskEntry(new TaskId(0, 2, 0), TaskStatus.ACTIVE, at);
        TaskEntry three = new TaskEntry(new TaskId(0, 3, 0), TaskStatus.OFFERED, at);
        // as a hand-written snapshot could hold them
        AgentMrdState stored = new AgentMrdState(5000, true, true, true, 0, 3, java.util.List.of(two, one), false,
                IcmAgentState.ACTIVE, at);

        assertThat(stored.tasks()).containsExactly(one, two);
        assertThat(stored.withTask(three, at).tasks()).containsExactly(one, two, three);
        assertThat(stored.withTask(new TaskEntry(new TaskId(0, 0, 9), TaskStatus.OFFERED, at), at).tasks())
                .extracting(TaskEntry::taskId).containsExactly(new TaskId(0, 0, 9), one.taskId(), two.taskId());
        assertThat(stored).isEqualTo(new AgentMrdState(5000, true, true, true, 0, 3, java.util.List.of(one, two),
                false, IcmAgentState.ACTIVE, at));
    }

    @Test
    void scenarioLoginRoutableReadyGivesNotActiveWithTheLimitOfTheRoutableIndication() {
        AgentState agent = run(e.login(5000, 1), e.routable(5000, 2), e.ready(5000));
        AgentMrdState mrd = agent.mrd(5000).orElseThrow();
        assertThat(mrd.state()).isEqualTo(IcmAgentState.NOT_ACTIVE);
        assertThat(mrd.taskLimit()).isEqualTo(2);
        assertThat(mrd.routable()).isTrue();
    }

    @Test
    void loginStartsNotReady() {
        AgentMrdState mrd = run(e.login(5000, 1)).mrd(5000).orElseThrow();
        assertThat(mrd.state()).isEqualTo(IcmAgentState.NOT_READY);
        assertThat(mrd.ready()).isFalse();
        assertThat(mrd.routable()).isFalse();
    }

    @Test
    void tasksMoveTheAgentThroughReservedActivePausedAndWrapUp() {
        AgentState agent = run(e.login(5000, 2), e.routable(5000, 2), e.ready(5000),
                e.task(ArmMessage.OFFER_TASK_IND, 5000, 1));
        assertThat(agent.mrd(5000).orElseThrow().state()).isEqualTo(IcmAgentState.RESERVED);
        agent = AgentTransitions.apply(agent, e.task(ArmMessage.START_TASK_IND, 5000, 1));
        assertThat(agent.mrd(5000).orElseThrow().state()).isEqualTo(IcmAgentState.ACTIVE);
        agent = AgentTransitions.apply(agent, e.task(ArmMessage.PAUSE_TASK_IND, 5000, 1));
        assertThat(agent.mrd(5000).orElseThrow().state()).isEqualTo(IcmAgentState.PAUSED);
        agent = AgentTransitions.apply(agent, e.task(ArmMessage.RESUME_TASK_IND, 5000, 1));
        agent = AgentTransitions.apply(agent, e.task(ArmMessage.WRAPUP_TASK_IND, 5000, 1));
        assertThat(agent.mrd(5000).orElseThrow().state()).isEqualTo(IcmAgentState.WORK_READY);
        assertThat(agent.mrd(5000).orElseThrow().activeTasks()).isEqualTo(1);
        agent = AgentTransitions.apply(agent, e.task(ArmMessage.END_TASK_IND, 5000, 1));
        assertThat(agent.mrd(5000).orElseThrow().state()).isEqualTo(IcmAgentState.NOT_ACTIVE);
        assertThat(agent.mrd(5000).orElseThrow().activeTasks()).isZero();
    }

    @Test
    void refusesReadyBeforeLogin() {
        assertThat(refusal(null, e.ready(5000))).contains(ArmStatus.E_ARM_STAT_AGENT_NOT_LOGGED_IN);
        assertThat(refusal(run(e.login(1, 1)), e.ready(5000))).contains(ArmStatus.E_ARM_STAT_AGENT_NOT_LOGGED_IN);
    }

    @Test
    void refusesASecondLogin() {
        assertThat(refusal(run(e.login(5000, 1)), e.login(5000, 1))).contains(ArmStatus.E_ARM_STAT_AGENT_ALREADY_LOGGED_IN);
    }

    @Test
    void refusesATaskBeyondTheLimit() {
        AgentState agent = run(e.login(5000, 1), e.routable(5000, 1), e.ready(5000),
                e.task(ArmMessage.START_TASK_IND, 5000, 1));
        Optional<Refusal> refusal = AgentTransitions.check(agent, e.task(ArmMessage.START_TASK_IND, 5000, 2));
        assertThat(refusal.map(Refusal::status)).contains(ArmStatus.TASK_LIMIT_REACHED);
        assertThat(refusal.get().reason()).contains("holds 1 of 1 tasks");
    }

    @Test
    void startOfAnOfferedTaskNeedsNoNewRoom() {
        AgentState agent = run(e.login(5000, 1), e.routable(5000, 1), e.ready(5000),
                e.task(ArmMessage.OFFER_TASK_IND, 5000, 1));
        assertThat(refusal(agent, e.task(ArmMessage.START_TASK_IND, 5000, 1))).isEmpty();
        assertThat(refusal(agent, e.task(ArmMessage.OFFER_TASK_IND, 5000, 1))).contains(ArmStatus.DUPLICATE_TASK);
    }

    @Test
    void refusesEndOfAnUnknownTaskAndANegativeLimit() {
        AgentState agent = run(e.login(5000, 1));
        assertThat(refusal(agent, e.task(ArmMessage.END_TASK_IND, 5000, 9))).contains(ArmStatus.UNKNOWN_TASK);
        assertThat(refusal(agent, e.limit(5000, -1))).contains(ArmStatus.INVALID_TASK_LIMIT);
        assertThat(refusal(null, e.login(5000, -1))).contains(ArmStatus.INVALID_TASK_LIMIT);
        assertThat(refusal(agent, e.task(ArmMessage.RESUME_TASK_IND, 5000, 9))).contains(ArmStatus.UNKNOWN_TASK);
    }

    @Test
    void logoutEndsEveryTask() {
        AgentState agent = run(e.login(5000, 2), e.routable(5000, 2), e.ready(5000),
                e.task(ArmMessage.START_TASK_IND, 5000, 1), e.logout(5000));
        AgentMrdState mrd = agent.mrd(5000).orElseThrow();
        assertThat(mrd.loggedIn()).isFalse();
        assertThat(mrd.state()).isEqualTo(IcmAgentState.LOGOUT);
        assertThat(mrd.tasks()).isEmpty();
    }

    @Test
    void timeInStateRestartsOnlyWhenTheStateChanges() {
        ArmEvent ready = e.ready(5000);
        AgentState agent = run(e.login(5000, 2), e.routable(5000, 2), ready, e.routable(5000, 3));
        assertThat(agent.mrd(5000).orElseThrow().stateSince()).isEqualTo(ready.occurredAt());
    }
}
