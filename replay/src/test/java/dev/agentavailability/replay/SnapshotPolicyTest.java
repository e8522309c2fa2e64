package dev.agentavailability.replay;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SnapshotPolicyTest {

    @Test
    void aBatchCallsForASnapshotWhenItsOffsetsCrossAMultiple() {
        SnapshotPolicy every100 = new SnapshotPolicy(100);

        assertThat(every100.crosses(0, 99)).isFalse();
        assertThat(every100.crosses(0, 100)).isTrue();
        assertThat(every100.crosses(99, 100)).isTrue();
        assertThat(every100.crosses(100, 101)).isFalse(); // 100 was the previous batch's
        assertThat(every100.crosses(100, 199)).isFalse();
        assertThat(every100.crosses(150, 420)).isTrue(); // three multiples at once: one snapshot
        assertThat(every100.crosses(420, 420)).isFalse();
        assertThat(every100.crosses(420, 410)).isFalse();
    }

    @Test
    void zeroMeansNever() {
        assertThat(new SnapshotPolicy(0).crosses(0, 1_000_000)).isFalse();
        assertThat(new SnapshotPolicy(0).enabled()).isFalse();
    }
}
