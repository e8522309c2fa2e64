package dev.agentavailability.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentavailability.projection.PartitionProjection;
import dev.agentavailability.projection.snapshot.PartitionSnapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Which snapshot a partition starts from, and which spans of records a replay to an instant passes over. */
class SnapshotScanTest {

    static final String TOPIC = "arm.agent-events";
    static final Instant T0 = Instant.parse("2019-08-19T13:00:00Z");

    private final List<String> notes = new ArrayList<>();
    private long recordOffset;

    @Test
    void theNewestSnapshotThatHoldsNothingLaterIsChosen() {
        SnapshotScan scan = scan(Map.of(0, 1000L), T0.plusSeconds(250));
        offer(scan, snapshot(0, 100, T0.plusSeconds(100)), span(0, 100, T0, -1));
        offer(scan, snapshot(0, 200, T0.plusSeconds(200)), span(100, 200, T0.plusSeconds(101), -1));
        offer(scan, snapshot(0, 300, T0.plusSeconds(300)), span(200, 300, T0.plusSeconds(201), -1));
        offer(scan, snapshot(0, 1100, T0.plusSeconds(10)), null); // beyond the end

        Map<Integer, PartitionSnapshot> chosen = scan.choose((p, o) -> null);

        assertThat(chosen.get(0).nextOffset()).isEqualTo(200);
        assertThat(notes).isEmpty();
    }

    @Test
    void spansWhoseRecordsAllOccurredLaterArePassedOverMergedAndWithTheirUnreadableRecords() {
        Instant at = T0.plusSeconds(150);
        SnapshotScan scan = scan(Map.of(0, 1000L, 1, 1000L), at);
        offer(scan, snapshot(0, 100, T0.plusSeconds(100)), span(0, 100, T0, -1));
        offer(scan, snapshot(0, 200, T0.plusSeconds(200)), span(100, 200, T0.plusSeconds(160), 150));
        offer(scan, snapshot(0, 300, T0.plusSeconds(300)), span(200, 300, T0.plusSeconds(201), -1));
        // an import of old events: this span must be read
        offer(scan, snapshot(0, 400, T0.plusSeconds(300)), span(300, 400, T0.minusSeconds(3600), 350));
        offer(scan, snapshot(0, 500, T0.plusSeconds(400)), span(400, 500, T0.plusSeconds(301), 499));
        // a writer that restarted at 510 covers from there only; 500-509 must be read
        offer(scan, snapshot(0, 600, T0.plusSeconds(500)), span(510, 600, T0.plusSeconds(401), -1));
        offer(scan, snapshot(0, 700, T0.plusSeconds(600)), null); // no coverage: read
        offer(scan, snapshot(0, 1200, T0.plusSeconds(700)), span(700, 1200, T0.plusSeconds(601), -1)); // beyond

        assertThat(scan.skips(0, 100, 1000, at)).containsExactly(new SnapshotScan.Skip(100, 300, 150),
                new SnapshotScan.Skip(400, 500, 499), new SnapshotScan.Skip(510, 600, -1));
        // from a later start, a span is cut and its unreadable record below the start forgotten
        assertThat(scan.skips(0, 160, 1000, at)).first().isEqualTo(new SnapshotScan.Skip(160, 300, -1));
        // before the import, it is passed over too, with the spans next to it
        assertThat(scan.skips(0, 0, 1000, T0.minusSeconds(7200))).containsExactly(new SnapshotScan.Skip(0, 500, 499),
                new SnapshotScan.Skip(510, 600, -1));
        assertThat(scan.skips(1, 0, 1000, at)).isEmpty();
    }

    private SnapshotScan scan(Map<Integer, Long> ends, Instant at) {
        return new SnapshotScan("snapshots", TOPIC, new TreeMap<>(ends), at, notes);
    }

    private void offer(SnapshotScan scan, PartitionSnapshot snapshot, SnapshotCoverage.Span covered) {
        scan.accept(0, recordOffset++, SnapshotRecords.headers(snapshot, covered), SnapshotRecords.value(snapshot));
    }

    private static PartitionSnapshot snapshot(int partition, long nextOffset, Instant lastEventAt) {
        PartitionProjection projection = new PartitionProjection(partition, nextOffset, new TreeMap<>(), java.util.Set.of(),
                0, lastEventAt);
        return PartitionSnapshot.of(TOPIC, projection, T0);
    }

    private static SnapshotCoverage.Span span(long from, long to, Instant min, long lastUnreadable) {
        return new SnapshotCoverage.Span(from, to, min, lastUnreadable);
    }
}
