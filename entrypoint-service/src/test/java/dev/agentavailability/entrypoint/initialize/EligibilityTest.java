package dev.agentavailability.entrypoint.initialize;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentavailability.contract.availability.AvailabilityCounts;
import dev.agentavailability.entrypoint.management.EntryPointView;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

class EligibilityTest {

    private static EntryPointView entryPoint(boolean active, Integer... skillGroups) {
        return new EntryPointView(1001, "Chat", 5000, List.of(skillGroups), active);
    }

    private static AvailabilityCounts available(int available) {
        return new AvailabilityCounts(available + 1, available + 1, available + 1, available, 0, 0, 0, 2L * available);
    }

    private static IntFunction<AvailabilityCounts> availability(Map<Integer, AvailabilityCounts> bySkillGroup) {
        return id -> bySkillGroup.getOrDefault(id, AvailabilityCounts.ZERO);
    }

    @Test
    void anAvailableAgentInTheQueueSkillGroupMakesTheEntryPointAvailable() {
        assertThat(Eligibility.decide(entryPoint(true, 6928), availability(Map.of(6928, available(1)))))
                .isEqualTo(ResponseType.AVAILABLE);
    }

    @Test
    void noAvailableAgentMeansNoAgentAvailable() {
        assertThat(Eligibility.decide(entryPoint(true, 6928), availability(Map.of(6928, available(0)))))
                .isEqualTo(ResponseType.NO_AGENT_AVAILABLE);
    }

    @Test
    void aSkillGroupNeverSeenCountsAsNoAgent() {
        assertThat(Eligibility.decide(entryPoint(true, 6928), availability(Map.of())))
                .isEqualTo(ResponseType.NO_AGENT_AVAILABLE);
    }

    @Test
    void anAvailableAgentInAnotherSkillGroupDoesNotCount() {
        assertThat(Eligibility.decide(entryPoint(true, 6928), availability(Map.of(7000, available(3)))))
                .isEqualTo(ResponseType.NO_AGENT_AVAILABLE);
    }

    @Test
    void anyOfTheQueueSkillGroupsWithAnAvailableAgentIsEnough() {
        assertThat(Eligibility.decide(entryPoint(true, 6928, 6929),
                availability(Map.of(6928, available(0), 6929, available(1)))))
                .isEqualTo(ResponseType.AVAILABLE);
    }

    @Test
    void anInactiveEntryPointAnswersNoAgentEvenWithAvailableAgents() {
        assertThat(Eligibility.decide(entryPoint(false, 6928), availability(Map.of(6928, available(5)))))
                .isEqualTo(ResponseType.NO_AGENT_AVAILABLE);
    }

    @Test
    void responseTypeCodesAreThoseOfEce() {
        assertThat(ResponseType.AVAILABLE.code()).isZero();
        assertThat(ResponseType.NO_AGENT_AVAILABLE.code()).isEqualTo(1);
        assertThat(ResponseType.QUEUE_FULL.code()).isEqualTo(2);
    }
}
