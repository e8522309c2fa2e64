package dev.agentavailability.listener.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentavailability.contract.chat.ChatEvent;
import dev.agentavailability.contract.chat.ChatEventType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UnansweredAssignmentsTest {

    private static final Instant T0 = Instant.parse("2020-01-01T00:00:00Z");

    @Test
    void onlyAssignmentsWithoutALaterAnswerAreOffered() {
        UUID offered = UUID.randomUUID();
        UUID retried = UUID.randomUUID();
        UUID open = UUID.randomUUID();
        ChatEvent retriedAgain = step(ChatEventType.ASSIGNED, retried, 2);
        ChatEvent openAssigned = step(ChatEventType.ASSIGNED, open, 3);
        List<ChatEvent> batch = List.of(
                step(ChatEventType.ASSIGNED, offered, 1),
                step(ChatEventType.ASSIGNED, retried, 1),
                step(ChatEventType.OFFERED, offered, 1),
                step(ChatEventType.ASSIGNMENT_FAILED, retried, 1),
                retriedAgain,
                openAssigned);

        assertThat(ChatOffers.unanswered(batch)).containsExactly(retriedAgain, openAssigned);
    }

    private static ChatEvent step(ChatEventType type, UUID chat, int agent) {
        return ChatEvent.step(type, 1001, chat, 5000, agent, ChatEvent.taskIdFor(chat), null, T0);
    }
}
