package dev.agentavailability.entrypoint.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ClientBucketsTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void aClientMayBurstThenWaitsForTheRate() {
        ClientBuckets buckets = new ClientBuckets(2, 3);
        assertThat(buckets.take("10.0.0.1", 0)).isZero();
        assertThat(buckets.take("10.0.0.1", 0)).isZero();
        assertThat(buckets.take("10.0.0.1", 0)).isZero();
        // the fourth at once waits half a second (2 a second)
        assertThat(buckets.take("10.0.0.1", 0)).isEqualTo(SECOND / 2);
        assertThat(buckets.take("10.0.0.1", SECOND / 2)).isZero();
    }

    @Test
    void eachAddressHasItsOwnBucket() {
        ClientBuckets buckets = new ClientBuckets(1, 1);
        assertThat(buckets.take("10.0.0.1", 0)).isZero();
        assertThat(buckets.take("10.0.0.1", 0)).isPositive();
        assertThat(buckets.take("10.0.0.2", 0)).isZero();
    }

    @Test
    void aQuietClientRefillsUpToTheBurstOnly() {
        ClientBuckets buckets = new ClientBuckets(10, 2);
        buckets.take("c", 0);
        buckets.take("c", 0);
        long later = 100 * SECOND;
        assertThat(buckets.take("c", later)).isZero();
        assertThat(buckets.take("c", later)).isZero();
        assertThat(buckets.take("c", later)).isPositive();
    }

    @Test
    void aLimitThatAdmitsNothingIsRefusedAtConfiguration() {
        assertThatThrownBy(() -> new ClientBuckets(0, 5)).hasMessageContaining("perSecond > 0");
    }
}
