package dev.agentavailability.projection.entrypoint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentavailability.contract.availability.AvailabilityCounts;
import dev.agentavailability.contract.entrypoint.ResponseType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every row of the rule table in docs/entry-points.md, and the precedence between rows. */
class EligibilityTest {

    /** Logged-in agents are available, busy (at their limit) or Not Ready. */
    private static AvailabilityCounts counts(int loggedIn, int available, int busy) {
        return new AvailabilityCounts(loggedIn, available + busy, available + busy, available, busy, 0, 2L * busy,
                2L * loggedIn, busy);
    }

    @ParameterizedTest(name = "{0}: open={1} active={2} depth={3}/{4} loggedIn={5} available={6} busy={7} -> {9}")
    @CsvSource({
            // case,                   open,  active, depth, max, loggedIn, available, busy, rule,                    responseType
            "off hours,                false, true,   0,     3,   2,        1,         1,    OFF_HOURS,               1",
            "inactive,                 true,  false,  0,     3,   2,        1,         1,    INACTIVE,                1",
            "queue full,               true,  true,   3,     3,   2,        1,         1,    QUEUE_FULL,              2",
            "available agent,          true,  true,   1,     3,   2,        1,         1,    AGENT_AVAILABLE,         0",
            "all busy with queue room, true,  true,   2,     3,   2,        0,         2,    ALL_BUSY_QUEUE_HAS_ROOM, 0",
            "none logged in,           true,  true,   0,     3,   0,        0,         0,    NO_AGENT_COULD_TAKE_IT,  1",
            "all logged in Not Ready,  true,  true,   0,     3,   2,        0,         0,    NO_AGENT_COULD_TAKE_IT,  1",
    })
    void everyRowOfTheReadmeTable(String name, boolean open, boolean active, int depth, int max, int loggedIn,
            int available, int busy, Eligibility.Rule rule, int responseType) {
        Eligibility.Rule decided = Eligibility.decide(open, active, depth, max, counts(loggedIn, available, busy));

        assertThat(decided).isEqualTo(rule);
        assertThat(decided.responseType().code()).isEqualTo(responseType);
        assertThat(decided.offHours()).isEqualTo(rule == Eligibility.Rule.OFF_HOURS);
    }

    @Test
    void maxQueueDepthZeroMeansNoLimit() {
        assertThat(Eligibility.decide(true, true, 1000, 0, counts(1, 0, 1)))
                .isEqualTo(Eligibility.Rule.ALL_BUSY_QUEUE_HAS_ROOM);
    }

    @Test
    void earlierRowsWin() {
        assertThat(Eligibility.decide(false, false, 5, 3, counts(0, 0, 0))).isEqualTo(Eligibility.Rule.OFF_HOURS);
        assertThat(Eligibility.decide(true, false, 5, 3, counts(0, 0, 0))).isEqualTo(Eligibility.Rule.INACTIVE);
        assertThat(Eligibility.decide(true, true, 5, 3, counts(4, 4, 0))).isEqualTo(Eligibility.Rule.QUEUE_FULL);
    }

    @Test
    void aChatMayStartOnlyWhenTheAnswerIsZero() {
        assertThat(Eligibility.Rule.OFF_HOURS.chatMayStart()).isFalse();
        assertThat(Eligibility.Rule.INACTIVE.chatMayStart()).isFalse();
        assertThat(Eligibility.Rule.QUEUE_FULL.chatMayStart()).isFalse();
        assertThat(Eligibility.Rule.AGENT_AVAILABLE.chatMayStart()).isTrue();
        assertThat(Eligibility.Rule.ALL_BUSY_QUEUE_HAS_ROOM.chatMayStart()).isTrue();
        assertThat(Eligibility.Rule.NO_AGENT_COULD_TAKE_IT.chatMayStart()).isFalse();
    }

    @Test
    void responseTypeCodesAreThoseOfEce() {
        assertThat(ResponseType.AVAILABLE.code()).isZero();
        assertThat(ResponseType.NO_AGENT_AVAILABLE.code()).isEqualTo(1);
        assertThat(ResponseType.QUEUE_FULL.code()).isEqualTo(2);
    }
}
