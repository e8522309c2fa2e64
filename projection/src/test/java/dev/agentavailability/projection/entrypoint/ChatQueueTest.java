package dev.agentavailability.projection.entrypoint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentavailability.contract.arm.TaskId;
import dev.agentavailability.contract.chat.ChatEvent;
import dev.agentavailability.contract.chat.ChatEventType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ChatQueueTest {

    private static final long EP = 1001;
    private static final Instant T0 = Instant.parse("2025-03-03T10:00:00Z");

    private final ChatQueue queue = new ChatQueue();
    private final List<ChatEvent> log = new ArrayList<>();

    private UUID start(long entryPointId, Instant at) {
        UUID chat = UUID.randomUUID();
        apply(ChatEvent.started(entryPointId, chat, 5000, List.of(6928), at));
        return chat;
    }

    private void step(ChatEventType type, UUID chat) {
        apply(ChatEvent.step(type, EP, chat, 5000, 42, ChatEvent.taskIdFor(chat), "test", T0.plusSeconds(5)));
    }

    private void apply(ChatEvent event) {
        log.add(event);
        queue.apply(event);
    }

    @Test
    void depthAfterEachEventType() {
        UUID a = start(EP, T0);
        UUID b = start(EP, T0);
        UUID c = start(EP, T0);
        UUID d = start(EP, T0);
        assertThat(queue.depth(EP)).as("4 STARTED").isEqualTo(4);

        step(ChatEventType.ASSIGNED, a);
        assertThat(queue.depth(EP)).as("ASSIGNED does not end the wait").isEqualTo(4);
        step(ChatEventType.ASSIGNMENT_FAILED, a);
        assertThat(queue.depth(EP)).as("ASSIGNMENT_FAILED does not end the wait").isEqualTo(4);
        step(ChatEventType.OFFERED, a);
        assertThat(queue.depth(EP)).as("OFFERED").isEqualTo(3);
        step(ChatEventType.ABANDONED, b);
        assertThat(queue.depth(EP)).as("ABANDONED").isEqualTo(2);
        step(ChatEventType.TIMED_OUT, c);
        assertThat(queue.depth(EP)).as("TIMED_OUT").isEqualTo(1);
        assertThat(queue.isWaiting(d)).isTrue();
        assertThat(queue.hasEnded(a)).isTrue();
    }

    @Test
    void repeatsAndEndsOfUnknownChatsChangeNothing() {
        UUID a = start(EP, T0);
        queue.apply(ChatEvent.started(EP, a, 5000, List.of(6928), T0));
        assertThat(queue.depth(EP)).as("STARTED twice counts once").isEqualTo(1);

        step(ChatEventType.ABANDONED, a);
        step(ChatEventType.TIMED_OUT, a);
        step(ChatEventType.OFFERED, UUID.randomUUID());
        assertThat(queue.depth(EP)).isZero();

        queue.apply(ChatEvent.started(EP, a, 5000, List.of(6928), T0));
        assertThat(queue.depth(EP)).as("an ended chat never waits again").isZero();
    }

    @Test
    void depthsAreKeptPerEntryPoint() {
        start(EP, T0);
        start(EP, T0);
        start(1002, T0);
        assertThat(queue.depth(EP)).isEqualTo(2);
        assertThat(queue.depth(1002)).isEqualTo(1);
        assertThat(queue.depth(1003)).isZero();
    }

    @Test
    void replayingTheTopicGivesTheSameDepth() {
        UUID a = start(EP, T0);
        start(EP, T0);
        UUID c = start(EP, T0);
        start(1002, T0);
        step(ChatEventType.ASSIGNED, a);
        step(ChatEventType.OFFERED, a);
        step(ChatEventType.ABANDONED, c);

        ChatQueue rebuilt = new ChatQueue(); // a restart: the projection is rebuilt from the topic
        log.forEach(rebuilt::apply);

        assertThat(rebuilt.depth(EP)).isEqualTo(queue.depth(EP)).isEqualTo(1);
        assertThat(rebuilt.depth(1002)).isEqualTo(queue.depth(1002)).isEqualTo(1);

        log.forEach(rebuilt::apply); // the same records read twice
        assertThat(rebuilt.depth(EP)).isEqualTo(1);
    }

    @Test
    void overdueChatsAreThoseWaitingLongerThanTheirEntryPointAllows() {
        UUID old = start(EP, T0);
        start(EP, T0.plusSeconds(200));
        UUID other = start(1002, T0);

        List<ChatQueue.Waiting> overdue = queue.overdue(T0.plusSeconds(301),
                id -> Duration.ofSeconds(id == EP ? 300 : 600));

        assertThat(overdue).extracting(ChatQueue.Waiting::chatId).containsExactly(old);
        assertThat(overdue).extracting(ChatQueue.Waiting::chatId).doesNotContain(other);
    }

    @Test
    void taskIdHelperIsUsableInSteps() {
        UUID chat = UUID.randomUUID();
        TaskId task = ChatEvent.taskIdFor(chat);
        assertThat(task).isEqualTo(ChatEvent.taskIdFor(chat));
    }

    @Test
    void aStartedSentAgainKeepsAnEndedChatOutUntilItIsNoLongerRemembered() {
        UUID first = start(EP, T0);
        step(ChatEventType.ABANDONED, first);
        ChatEvent again = ChatEvent.started(EP, first, 5000, List.of(6928), T0);
        assertThat(queue.apply(again)).isEqualTo(ChatQueue.Effect.NO_CHANGE);

        for (int k = 0; k < ChatQueue.REMEMBERED_ENDED; k++) {
            UUID other = UUID.randomUUID();
            queue.apply(ChatEvent.started(EP, other, 5000, List.of(6928), T0));
            queue.apply(ChatEvent.step(ChatEventType.TIMED_OUT, EP, other, 5000, 42, ChatEvent.taskIdFor(other), "t",
                    T0));
        }
        assertThat(queue.depth(EP)).isZero();
        assertThat(queue.apply(again)).as("forgotten after %d later ends", ChatQueue.REMEMBERED_ENDED)
                .isEqualTo(ChatQueue.Effect.STARTED_WAITING);
    }

    @Test
    void forgottenChatsLeaveTheQueueWithoutEnding() {
        UUID kept = start(EP, T0);
        UUID given = start(EP, T0.plusSeconds(1));
        queue.forget(List.of(given));
        assertThat(queue.waiting()).extracting(ChatQueue.Waiting::chatId).containsExactly(kept);
        assertThat(queue.depth(EP)).isEqualTo(1);
        assertThat(queue.hasEnded(given)).isFalse();
        assertThat(queue.apply(ChatEvent.started(EP, given, 5000, List.of(6928), T0.plusSeconds(1))))
                .as("read again by the partition's next owner").isEqualTo(ChatQueue.Effect.STARTED_WAITING);
        assertThat(queue.waiting()).extracting(ChatQueue.Waiting::mrdId, ChatQueue.Waiting::skillGroupIds)
                .containsOnly(org.assertj.core.groups.Tuple.tuple(5000, List.of(6928)));
    }
}
