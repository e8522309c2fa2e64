package dev.agentavailability.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class AgentMrdsTest {

    private static final Instant AT = Instant.parse("2019-08-19T13:30:00Z");

    @Test
    void keepsMrdsInIdOrderAndReplacesTheOneThere() {
        AgentMrds mrds = AgentMrds.NONE.with(state(5001)).with(state(5000)).with(state(5003)).with(state(5002));
        AgentMrdState loggedIn = state(5001).withFlags(true, true, true, 0, 2, AT);
        AgentMrds replaced = mrds.with(loggedIn);

        assertThat(List.copyOf(replaced.keySet())).containsExactly(5000, 5001, 5002, 5003);
        assertThat(replaced.in(5001)).isSameAs(loggedIn);
        assertThat(mrds.in(5001).loggedIn()).isFalse(); // the one it was made from is unchanged
        assertThat(replaced.in(4999)).isNull();
        assertThat(replaced.firstKey()).isEqualTo(5000);
        assertThat(replaced.lastKey()).isEqualTo(5003);
    }

    @Test
    void isEqualToTheSameMapOfAnyKindAndReadOnly() {
        TreeMap<Integer, AgentMrdState> tree = new TreeMap<>(Map.of(5001, state(5001), 5000, state(5000)));
        AgentMrds mrds = AgentMrds.copyOf(tree);

        assertThat(mrds).isEqualTo(tree).hasSameHashCodeAs(tree).hasToString(tree.toString());
        assertThat(AgentMrds.copyOf(mrds)).isSameAs(mrds);
        assertThat(mrds.get("5000")).isNull();
        assertThat(mrds.containsKey(5000)).isTrue();
        assertThat(mrds.headMap(5001)).isEqualTo(tree.headMap(5001));
        assertThat(mrds.tailMap(5001)).isEqualTo(tree.tailMap(5001));
        assertThat(mrds.subMap(5000, 5001)).isEqualTo(tree.subMap(5000, 5001));
        assertThatThrownBy(() -> mrds.put(5002, state(5002))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> mrds.entrySet().iterator().remove()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(AgentMrds.NONE::firstKey).isInstanceOf(java.util.NoSuchElementException.class);
    }

    @Test
    void anAgentStateCopiesAnyOtherMapAndKeepsItsOwn() {
        TreeMap<Integer, AgentMrdState> tree = new TreeMap<>(Map.of(5000, state(5000)));
        AgentState agent = new AgentState(6420, tree);
        tree.put(5001, state(5001)); // a change to the map handed over does not reach the agent

        assertThat(agent.mrds()).containsOnlyKeys(5000);
        AgentState next = agent.with(state(5001));
        assertThat(next.mrds()).containsOnlyKeys(5000, 5001);
        assertThat(new AgentState(6420, next.mrds()).mrds()).isSameAs(next.mrds());
        assertThat(new AgentState(6420, null).mrds()).isEmpty();
    }

    private static AgentMrdState state(int mrdId) {
        return AgentMrdState.loggedOut(mrdId, AT);
    }
}
