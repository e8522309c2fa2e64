package dev.agentavailability.listener.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentavailability.contract.arm.ArmEvent;
import dev.agentavailability.contract.arm.ArmFields;
import dev.agentavailability.contract.arm.ArmMessage;
import dev.agentavailability.listener.publish.Publication;
import dev.agentavailability.rest.ProblemException;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdempotentActionsTest {

    private static final Instant AT = Instant.parse("2026-12-03T09:00:00Z");

    @Test
    void aKeyFixesTheEventIdPerCallerAndNoRandomIdLooksLikeOne() {
        UUID first = IdempotentActions.eventId("listener", "ready-6420-1");
        assertThat(IdempotentActions.eventId("listener", "ready-6420-1")).isEqualTo(first);
        assertThat(IdempotentActions.eventId("agent6420", "ready-6420-1")).as("another caller's key").isNotEqualTo(first);
        assertThat(first.version()).isEqualTo(3);
        assertThat(UUID.randomUUID().version()).isEqualTo(4);
        assertThat(IdempotentActions.eventId("listener", null)).as("no key").isNull();
    }

    @Test
    void aBadKeyIsA400() {
        for (String bad : new String[] {"", " ", "x".repeat(201), "tab\there"}) {
            assertThatThrownBy(() -> IdempotentActions.eventId("listener", bad)).as("'%s'", bad)
                    .isInstanceOf(ProblemException.class)
                    .satisfies(e -> assertThat(((ProblemException) e).problem().getStatus()).isEqualTo(400));
        }
    }

    @Test
    void aStoredKeyedEventIsFoundAsARepeatWithWhereItIsAndUnkeyedEventsAreNotKept() {
        IdempotentActions actions = new IdempotentActions();
        UUID id = IdempotentActions.eventId("listener", "login-1");
        ArmRequest login = new ArmRequest(ArmMessage.MEDIA_LOGIN_REQ, 6420, 5000, ArmFields.mediaLogin(0, false, 2, "6420"));
        ArmEvent keyed = login.toEvent(7, AT, id);
        ArmEvent unkeyed = login.toEvent(8, AT);

        actions.stored(keyed, new Publication("arm.agent-events", 2, 41));
        actions.stored(unkeyed, new Publication("arm.agent-events", 2, 42));

        Published repeat = actions.find(id).orElseThrow();
        assertThat(repeat.repeat()).isTrue();
        assertThat(repeat.published()).singleElement().satisfies(event -> {
            assertThat(event.eventId()).isEqualTo(id);
            assertThat(event.offset()).isEqualTo(41);
        });
        assertThat(actions.find(unkeyed.eventId())).isEmpty();
    }
}
