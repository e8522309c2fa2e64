package dev.agentavailability.entrypoint.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class CatchUpProgressTest {

    private static final TopicPartition SG0 = new TopicPartition("availability.skill-groups", 0);
    private static final TopicPartition SG1 = new TopicPartition("availability.skill-groups", 1);

    private final CatchUpProgress progress = new CatchUpProgress();

    @Test
    void notCaughtUpBeforeTheEndOffsetsAreKnown() {
        progress.seen(SG0.topic(), 0, 5);

        assertThat(progress.caughtUp()).isFalse();
    }

    @Test
    void caughtUpOnceEveryPartitionIsReadToItsEndOffset() {
        progress.target(Map.of(SG0, 0L, SG1, 0L), Map.of(SG0, 3L, SG1, 2L));
        progress.seen(SG0.topic(), 0, 2);
        assertThat(progress.caughtUp()).isFalse();
        assertThat(progress.remaining()).containsExactly(Map.entry(SG1.toString(), 2L));

        progress.seen(SG1.topic(), 1, 1);
        assertThat(progress.caughtUp()).isTrue();
        assertThat(progress.remaining()).isEmpty();
    }

    @Test
    void recordsSeenBeforeTheTargetsAreKnownCount() {
        progress.seen(SG0.topic(), 0, 9);
        progress.target(Map.of(SG0, 0L), Map.of(SG0, 10L));

        assertThat(progress.caughtUp()).isTrue();
    }

    @Test
    void emptyPartitionsAndMissingTopicsNeedNothing() {
        progress.target(Map.of(SG0, 7L), Map.of(SG0, 7L));
        assertThat(progress.caughtUp()).isTrue();

        CatchUpProgress noTopics = new CatchUpProgress();
        noTopics.target(Map.of(), Map.of());
        assertThat(noTopics.caughtUp()).isTrue();
    }

    @Test
    void compactedAwayOffsetsAreSkippedByTheLastOffsetRead() {
        progress.target(Map.of(SG0, 0L), Map.of(SG0, 100L));
        progress.seen(SG0.topic(), 0, 99);

        assertThat(progress.caughtUp()).isTrue();
    }
}
