package dev.agentavailability.router.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class PartitionLagTest {

    private static final Instant T0 = Instant.parse("2026-11-26T09:00:00Z");

    @Test
    void caughtUpOnceTheProjectionReachesTheEndSeenWhenThePartitionWasTakenAndFromThenOn() {
        PartitionLag lag = new PartitionLag();
        assertThat(lag.leftToCatchUp(0)).as("no sample yet").isEqualTo(-1);
        lag.sampled(T0, 500, 100);
        assertThat(lag.leftToCatchUp(100)).isEqualTo(400);
        lag.sampled(T0.plusSeconds(5), 900, 450);   // the partition grows while it catches up
        assertThat(lag.leftToCatchUp(450)).as("only the first end counts").isEqualTo(50);
        assertThat(lag.leftToCatchUp(500)).isZero();
        lag.sampled(T0.plusSeconds(10), 2000, 900); // under load it lags again: still caught up
        assertThat(lag.leftToCatchUp(900)).isZero();
    }

    @Test
    void nothingIsKnownBeforeTheFirstSample() {
        PartitionLag lag = new PartitionLag();
        assertThat(lag.records(10)).isNaN();
        assertThat(lag.seconds(T0, 10)).isNaN();
    }

    @Test
    void aCaughtUpProjectionHasNoLagHoweverLongThePartitionIsQuiet() {
        PartitionLag lag = new PartitionLag();
        lag.sampled(T0, 100, 100);
        lag.sampled(T0.plusSeconds(3600), 100, 100);
        assertThat(lag.records(100)).isZero();
        assertThat(lag.seconds(T0.plusSeconds(7200), 100)).isZero();
    }

    @Test
    void theAgeIsCountedFromTheFirstSampleThatSawTheOldestUnappliedRecord() {
        PartitionLag lag = new PartitionLag();
        lag.sampled(T0, 100, 100);
        lag.sampled(T0.plusSeconds(5), 110, 100);   // records 100..109 written since T0
        lag.sampled(T0.plusSeconds(10), 120, 100);  // the projection is stuck at 100
        lag.sampled(T0.plusSeconds(15), 120, 100);  // nothing new: the older sample stays the reference
        assertThat(lag.records(100)).isEqualTo(20);
        assertThat(lag.seconds(T0.plusSeconds(20), 100)).isEqualTo(15.0);

        // It moves on to 112: record 112 was first seen at T0+10.
        assertThat(lag.records(112)).isEqualTo(8);
        assertThat(lag.seconds(T0.plusSeconds(20), 112)).isEqualTo(10.0);

        // Caught up with the last end offset read.
        assertThat(lag.records(120)).isZero();
        assertThat(lag.seconds(T0.plusSeconds(20), 120)).isZero();
        // Ahead of the last end offset read (events written and applied since): still no lag.
        assertThat(lag.records(125)).isZero();
    }

    @Test
    void aStuckProjectionKeepsItsOldestSampleWhenSamplesAreMerged() {
        PartitionLag lag = new PartitionLag();
        for (int i = 0; i < 2 * PartitionLag.MAX_SAMPLES; i++) {
            lag.sampled(T0.plusSeconds(5L * i), 1 + i, 0);
        }
        assertThat(lag.records(0)).isEqualTo(2 * PartitionLag.MAX_SAMPLES);
        assertThat(lag.seconds(T0.plusSeconds(10_000), 0)).isEqualTo(10_000.0);
    }
}
