package dev.agentavailability.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TrafficPlanTest {

    private static final List<Integer> AGENTS = List.of(6420, 5033, 7001, 7002);
    private static final List<Long> ENTRY_POINTS = List.of(1001L, 1002L);

    private static List<Action> run(long seed, int steps) {
        return new FakeSystem(AGENTS, ENTRY_POINTS).run(new TrafficPlan(seed, 3), steps);
    }

    @Test
    void theSameSeedMakesTheSameDecisions() {
        List<Action> first = run(42, 2000);
        List<Action> second = run(42, 2000);

        assertThat(second).containsExactlyElementsOf(first);
    }

    @Test
    void anotherSeedMakesOtherDecisions() {
        assertThat(run(43, 200)).isNotEqualTo(run(42, 200));
    }

    @Test
    void everyAgentActionIsOneTheListenerAcceptsInTheArmOrderAndTasksStayWithinTheLimit() {
        // FakeSystem asserts, at every step, the listener's own transition check, login -> routable -> ready,
        // logout only when Not Ready with no task, the local view against the listener's, and tasks <= limit.
        for (long seed = 1; seed <= 12; seed++) {
            run(seed, 600);
        }
    }

    @Test
    void aLongRunHasEveryKindOfAction() {
        Map<String, Long> kinds = run(42, 3000).stream()
                .collect(Collectors.groupingBy(Action::kind, TreeMap::new, Collectors.counting()));

        assertThat(kinds.keySet()).containsExactlyInAnyOrderElementsOf(RunStats.KINDS);
        assertThat(kinds.get("initialize")).as("customers are a good share of the traffic")
                .isGreaterThan(kinds.get("login"));
    }

    @Test
    void nothingButCustomersWithoutAgents() {
        List<Action> actions = new FakeSystem(List.of(), ENTRY_POINTS).run(new TrafficPlan(7, 2), 50);

        assertThat(actions).allSatisfy(a -> assertThat(a).isInstanceOf(Action.OpenChatPage.class));
    }

    @Test
    void aFreshAgentIsFirstLoggedInWithALimitWithinTheMaximum() {
        TrafficModel model = new TrafficModel(5000, List.of(6420), List.of());
        TrafficPlan plan = new TrafficPlan(42, 3);
        for (int i = 0; i < 100; i++) {
            Action action = plan.next(model);
            assertThat(action).isInstanceOf(Action.Login.class);
            assertThat(((Action.Login) action).maxTaskLimit()).isBetween(1, 3);
        }
    }

    @Test
    void aPlanWithNothingToDoOrANonPositiveLimitIsRefused() {
        assertThatThrownBy(() -> new TrafficPlan(1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TrafficPlan(1, 2).next(new TrafficModel(5000, List.of(), List.of())))
                .hasMessageContaining("nothing to simulate");
    }
}
