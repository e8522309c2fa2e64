package dev.agentavailability.entrypoint.availability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentavailability.contract.availability.AvailabilityCounts;
import org.junit.jupiter.api.Test;

class PartitionedAvailabilityTest {

    private final PartitionedAvailability<AvailabilityCounts> store = new PartitionedAvailability<>(c -> c);

    private static AvailabilityCounts counts(int loggedIn, int available, long activeTasks) {
        return new AvailabilityCounts(loggedIn, loggedIn, loggedIn, available, 0, 0, activeTasks, 2L * loggedIn, 0);
    }

    @Test
    void theTotalIsTheSumOverTwoPartitions() {
        store.put(6928, 0, counts(2, 1, 1));
        store.put(6928, 1, counts(3, 2, 0));

        assertThat(store.total(6928)).isEqualTo(new AvailabilityCounts(5, 5, 5, 3, 0, 0, 1, 10, 0));
    }

    @Test
    void aLaterRecordOfTheSamePartitionReplacesTheEarlierOne() {
        store.put(6928, 0, counts(2, 1, 1));
        store.put(6928, 1, counts(1, 1, 0));
        store.put(6928, 0, counts(2, 0, 4));

        assertThat(store.total(6928)).isEqualTo(new AvailabilityCounts(3, 3, 3, 1, 0, 0, 4, 6, 0));
        assertThat(store.size()).isEqualTo(2);
    }

    @Test
    void otherIdsAreNotAdded() {
        store.put(6928, 0, counts(1, 1, 0));
        store.put(7000, 0, counts(4, 4, 0));

        assertThat(store.total(6928).available()).isEqualTo(1);
        assertThat(store.total(7000).available()).isEqualTo(4);
    }

    @Test
    void aRemovedPartitionNoLongerCounts() {
        store.put(6928, 0, counts(1, 1, 0));
        store.put(6928, 1, counts(1, 1, 0));
        store.remove(6928, 0);

        assertThat(store.total(6928).available()).isEqualTo(1);
        assertThat(store.get(6928, 0)).isEmpty();
    }

    @Test
    void anIdNeverSeenHasZeroCounts() {
        assertThat(store.total(42)).isEqualTo(AvailabilityCounts.ZERO);
    }
}
