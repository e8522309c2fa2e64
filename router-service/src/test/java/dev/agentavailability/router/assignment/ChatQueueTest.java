package dev.agentavailability.router.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentavailability.contract.arm.IcmAgentState;
import dev.agentavailability.contract.arm.TaskId;
import dev.agentavailability.contract.chat.ChatEvent;
import dev.agentavailability.contract.chat.ChatEventType;
import dev.agentavailability.projection.AgentMrdState;
import dev.agentavailability.projection.AgentState;
import dev.agentavailability.projection.TaskEntry;
import dev.agentavailability.projection.TaskStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ChatQueueTest {

    private static final Instant T0 = Instant.parse("2019-08-19T13:34:09Z");
    private final ChatQueue queue = new ChatQueue();

    @Test
    void startedChatsWaitInArrivalOrderPerEntryPoint() {
        UUID a = start(1001);
        UUID b = start(1002);
        UUID c = start(1001);
        assertThat(queue.unassigned()).extracting(WaitingChat::chatId).containsExactly(a, b, c);
        queue.apply(ChatEvent.started(1001, a, 5000, List.of(6928), T0), 0);
        assertThat(queue.unassigned()).extracting(WaitingChat::chatId).containsExactly(a, b, c);
    }

    @Test
    void anAssignedChatIsPendingUntilOfferedOrFailedAndCountsForItsAgent() {
        UUID a = start(1001);
        UUID b = start(1001);
        step(ChatEventType.ASSIGNED, a, 6420);
        assertThat(queue.unassigned()).extracting(WaitingChat::chatId).containsExactly(b);
        assertThat(queue.pendingPerAgent()).isEqualTo(Map.of(new AgentMrd(6420, 5000), 1));

        step(ChatEventType.ASSIGNMENT_FAILED, a, 6420);
        assertThat(queue.unassigned()).extracting(WaitingChat::chatId).containsExactly(a, b);
        assertThat(queue.pendingPerAgent()).isEmpty();

        step(ChatEventType.ASSIGNED, a, 6420);
        step(ChatEventType.OFFERED, a, 6420);
        assertThat(queue.waiting()).extracting(WaitingChat::chatId).containsExactly(b);
        // the offer holds the agent until the projection shows the task
        assertThat(queue.pendingPerAgent()).isEqualTo(Map.of(new AgentMrd(6420, 5000), 1));
        queue.releaseHolds(id -> Optional.empty(), T0.plusSeconds(1));
        assertThat(queue.holds()).hasSize(1);
        queue.releaseHolds(id -> Optional.of(agentHolding(id, ChatEvent.taskIdFor(a))), T0.plusSeconds(1));
        assertThat(queue.holds()).isEmpty();
        assertThat(queue.pendingPerAgent()).isEmpty();
    }

    @Test
    void anOfferHoldExpires() {
        UUID a = start(1001);
        step(ChatEventType.OFFERED, a, 6420);
        queue.releaseHolds(id -> Optional.empty(), T0.plus(ChatQueue.HOLD).plusSeconds(1));
        assertThat(queue.holds()).isEmpty();
    }

    @Test
    void abandonedAndTimedOutChatsLeaveAndDoNotComeBack() {
        UUID a = start(1001);
        UUID b = start(1001);
        step(ChatEventType.ASSIGNED, a, 6420);
        step(ChatEventType.ABANDONED, a, 0);
        step(ChatEventType.TIMED_OUT, b, 0);
        assertThat(queue.waiting()).isEmpty();
        assertThat(queue.pendingPerAgent()).isEmpty();
        queue.apply(ChatEvent.started(1001, a, 5000, List.of(6928), T0), 0);
        assertThat(queue.waiting()).isEmpty();
    }

    @Test
    void anAssignedEventForAnUnknownChatIsIgnoredAndAGivenUpPartitionIsForgotten() {
        step(ChatEventType.ASSIGNED, UUID.randomUUID(), 6420);
        assertThat(queue.pendingPerAgent()).isEmpty();
        start(1001);
        queue.apply(ChatEvent.started(1002, UUID.randomUUID(), 5000, List.of(6928), T0), 2);
        queue.forgetPartitions(List.of(0));
        assertThat(queue.waiting()).extracting(WaitingChat::entryPointId).containsExactly(1002L);
    }

    private UUID start(long entryPoint) {
        UUID chat = UUID.randomUUID();
        queue.apply(ChatEvent.started(entryPoint, chat, 5000, List.of(6928), T0), 0);
        return chat;
    }

    private void step(ChatEventType type, UUID chat, int agent) {
        queue.apply(ChatEvent.step(type, 1001, chat, 5000, agent, agent == 0 ? null : ChatEvent.taskIdFor(chat),
                null, T0), 0);
    }

    private static AgentState agentHolding(int id, TaskId task) {
        TreeMap<Integer, AgentMrdState> mrds = new TreeMap<>();
        mrds.put(5000, new AgentMrdState(5000, true, true, true, 0, 1,
                List.of(new TaskEntry(task, TaskStatus.OFFERED, T0)), false, IcmAgentState.RESERVED, T0));
        return new AgentState(id, mrds);
    }
}
