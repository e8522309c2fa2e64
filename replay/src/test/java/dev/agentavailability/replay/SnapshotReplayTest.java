package dev.agentavailability.replay;

import dev.agentavailability.kafka.KafkaClients;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentavailability.contract.Decoded;
import dev.agentavailability.contract.arm.ArmEvent;
import dev.agentavailability.contract.arm.ArmEventJson;
import dev.agentavailability.contract.arm.ArmFields;
import dev.agentavailability.contract.arm.ArmMessage;
import dev.agentavailability.contract.arm.TaskId;
import dev.agentavailability.contract.config.AgentConfig;
import dev.agentavailability.contract.config.ConfigEvent;
import dev.agentavailability.contract.config.ConfigEventJson;
import dev.agentavailability.contract.config.MrdConfig;
import dev.agentavailability.projection.PartitionProjection;
import dev.agentavailability.projection.snapshot.PartitionSnapshot;
import dev.agentavailability.testsupport.TestInfrastructure;
import dev.agentavailability.testsupport.TestKafka;
import dev.agentavailability.testsupport.TestTopics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A replay that starts from snapshots gives what a replay from the beginning gives, for instants before, between
 * and after the snapshots, and for offsets. The snapshots are taken as the router takes them ({@link SnapshotPolicy}
 * every {@value #EVERY} records, {@link PartitionSnapshot#of}), here after each record.
 *
 * <ul>
 *   <li>partition 0: agent 100's shift (minutes 0 to 13), the domain reported down, a refused event;</li>
 *   <li>partition 1: agent 101's shift, with agent 111's login at minute 50 written at offset 3, so that every
 *       snapshot of the partition holds an event of minute 50 and none may serve an instant before it; and an
 *       unreadable record;</li>
 *   <li>partition 2: agent 102's shift (minutes 10 to 19), then agent 112's written afterwards with times an hour
 *       earlier, as import-log writes an old incident onto a topic.</li>
 * </ul>
 */
class SnapshotReplayTest {

    static final int EVERY = 4;
    static final Instant BASE = Instant.parse("2019-08-19T13:00:00Z");

    private static String bootstrap;
    private static String agentEvents;
    private static String config;
    private static String snapshots;
    private static String damagedSnapshots;
    /** The snapshots written, by partition, in the order written. */
    private static final Map<Integer, List<PartitionSnapshot>> WRITTEN = new HashMap<>();

    @BeforeAll
    static void writeScenario() {
        bootstrap = TestInfrastructure.get().start().bootstrapServers();
        String suffix = UUID.randomUUID().toString();
        agentEvents = "arm.agent-events." + suffix;
        config = "availability.config." + suffix;
        snapshots = "availability.projection-snapshots." + suffix;
        damagedSnapshots = "availability.projection-snapshots.damaged." + suffix;
        TestTopics.create(bootstrap, agentEvents, 3);
        TestTopics.create(bootstrap, config, 1);
        TestTopics.create(bootstrap, snapshots, 1);
        TestTopics.create(bootstrap, damagedSnapshots, 1);
        try (TestKafka kafka = TestKafka.connect(bootstrap)) {
            kafka.send(config, "MRD:5000", ConfigEventJson.write(ConfigEvent.upsert(
                    new MrdConfig(5000, "ECE_Chat", false), BASE.minusSeconds(7200))));
            kafka.send(config, "AGENT:100", ConfigEventJson.write(ConfigEvent.upsert(
                    new AgentConfig(100, "CUCM.agent_100", 15100, List.of()), BASE.plusSeconds(600))));

            Writer w = new Writer(kafka);
            List<ArmEvent> shift100 = shift(100, BASE, 12);
            for (int i = 0; i < shift100.size(); i++) {
                w.event(0, shift100.get(i));
                if (i == 5) {
                    w.event(0, new ArmEvent(ArmEvent.SCHEMA_VERSION, UUID.randomUUID(),
                            ArmMessage.APP_PATH_DOMAIN_STATUS_EVENT, ArmMessage.APP_PATH_DOMAIN_STATUS_EVENT.type(),
                            BASE.plusSeconds(6 * 60 + 30), 0, 5000, 0, ArmFields.domainStatus(5001, false), "test"));
                }
                if (i == 8) {
                    w.event(0, event(ArmMessage.END_TASK_IND, 100, ArmFields.task(new TaskId(0, 999, 9)),
                            BASE.plusSeconds(8 * 60 + 30))); // refused: no such task
                }
            }

            List<ArmEvent> shift101 = shift(101, BASE, 12);
            List<ArmEvent> shift111 = shift(111, BASE.plusSeconds(50 * 60), 4);
            for (int i = 0; i < shift101.size(); i++) {
                if (i == 3) {
                    w.event(1, shift111.get(0));
                }
                if (i == 6) {
                    w.raw(1, "101", "{ not an ARM event");
                }
                w.event(1, shift101.get(i));
            }
            for (ArmEvent e : shift111.subList(1, shift111.size())) {
                w.event(1, e);
            }

            shift(102, BASE.plusSeconds(600), 10).forEach(e -> w.event(2, e));
            shift(112, BASE.minusSeconds(3600), 7).forEach(e -> w.event(2, e));

            // the damaged copy: the same snapshots, and records a replay must pass over
            List<Map.Entry<Map<String, String>, String>> damaged = new ArrayList<>(w.snapshotRecords);
            PartitionSnapshot p0at12 = WRITTEN.get(0).get(2);
            assertThat(p0at12.nextOffset()).isEqualTo(12);
            damaged.add(Map.entry(headers(p0at12), "{ not a snapshot")); // the best one by its headers
            damaged.add(Map.entry(Map.of(), "{ neither"));
            damaged.add(Map.entry(headers(WRITTEN.get(2).get(0)), new String(SnapshotRecords.value(
                    WRITTEN.get(2).get(1)), StandardCharsets.UTF_8))); // its body says otherwise
            PartitionSnapshot foreign = new PartitionSnapshot(PartitionSnapshot.SCHEMA_VERSION, "arm.other-topic", 1,
                    4, BASE.minusSeconds(99_999), 0, null, List.of(), BASE);
            damaged.add(Map.entry(headers(foreign), new String(SnapshotRecords.value(foreign), StandardCharsets.UTF_8)));
            for (Map.Entry<Map<String, String>, String> record : damaged) {
                kafka.send(damagedSnapshots, "0", record.getValue(), record.getKey());
            }
        }
    }

    /** Writes agent events partition by partition and, as the router does, snapshots at every multiple. */
    static final class Writer {
        final TestKafka kafka;
        final Map<Integer, PartitionProjection> live = new HashMap<>();
        final Map<Integer, SnapshotCoverage> coverage = new HashMap<>();
        final List<Map.Entry<Map<String, String>, String>> snapshotRecords = new ArrayList<>();
        final SnapshotPolicy policy = new SnapshotPolicy(EVERY);

        Writer(TestKafka kafka) {
            this.kafka = kafka;
        }

        void event(int partition, ArmEvent event) {
            raw(partition, event.key(), ArmEventJson.write(event));
        }

        void raw(int partition, String key, String value) {
            long offset;
            try {
                offset = kafka.producer().send(new ProducerRecord<>(agentEvents, partition, key, value)).get().offset();
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            PartitionProjection projection = live.computeIfAbsent(partition, PartitionProjection::new);
            SnapshotCoverage covered = coverage.computeIfAbsent(partition, p -> new SnapshotCoverage());
            long from = projection.nextOffset();
            Decoded<ArmEvent> decoded = ArmEventJson.read(value);
            if (decoded.isValid()) {
                projection.apply(decoded.value(), offset);
            } else {
                projection.skip(offset);
            }
            covered.batch(from, projection.nextOffset());
            covered.record(offset, decoded);
            if (policy.crosses(from, projection.nextOffset())) {
                PartitionSnapshot snapshot = PartitionSnapshot.of(agentEvents, projection.copy(), Instant.now());
                WRITTEN.computeIfAbsent(partition, p -> new ArrayList<>()).add(snapshot);
                Map.Entry<Map<String, String>, String> record = Map.entry(headers(snapshot, covered.take()),
                        new String(SnapshotRecords.value(snapshot), StandardCharsets.UTF_8));
                snapshotRecords.add(record);
                kafka.send(snapshots, snapshot.key(), record.getValue(), record.getKey());
            }
        }
    }

    @Test
    void theScenarioHasSnapshotsThatOnlySomeInstantsMayUse() {
        assertThat(WRITTEN.get(0)).extracting(PartitionSnapshot::nextOffset).containsExactly(4L, 8L, 12L);
        assertThat(WRITTEN.get(1)).extracting(PartitionSnapshot::nextOffset).containsExactly(4L, 8L, 12L, 16L);
        assertThat(WRITTEN.get(2)).extracting(PartitionSnapshot::nextOffset).containsExactly(4L, 8L, 12L, 16L);
        // partition 1's snapshots hold minute 50 (the last one 52): none may serve an instant before it
        assertThat(WRITTEN.get(1)).extracting(PartitionSnapshot::lastEventAt).containsExactly(
                BASE.plusSeconds(50 * 60), BASE.plusSeconds(50 * 60), BASE.plusSeconds(50 * 60), BASE.plusSeconds(52 * 60));
        // partition 2's last snapshot ends in agent 112's old records: its lastEventAt is 102's last event
        assertThat(WRITTEN.get(2).get(3).lastEventAt()).isEqualTo(BASE.plusSeconds(600 + 9 * 60));
    }

    @Test
    void aReplayToAnInstantFromSnapshotsEqualsOneFromTheBeginning() {
        TopicReplay plain = new TopicReplay(KafkaClients.bootstrap(bootstrap), agentEvents, config, TopicReplay.DEFAULT_TIMEOUT);
        TopicReplay fast = plain.withSnapshots(snapshots);
        List<Instant> instants = List.of(BASE.minusSeconds(7200), BASE.minusSeconds(3600 - 150), BASE.plusSeconds(120),
                BASE.plusSeconds(180), BASE.plusSeconds(5 * 60), BASE.plusSeconds(9 * 60 + 30), BASE.plusSeconds(15 * 60),
                BASE.plusSeconds(19 * 60), BASE.plusSeconds(50 * 60), BASE.plusSeconds(55 * 60),
                BASE.plusSeconds(7200));
        for (Instant at : instants) {
            ReplayState expected = plain.toInstant(at);
            ReplayState actual = fast.toInstant(at);
            assertSameState(actual, expected, "at " + at);
            assertThat(expected.snapshotOffsets()).isEmpty();
            assertThat(actual.notes()).as("at " + at).isEmpty();
            // the newest snapshot that holds nothing after the instant, and only that one
            for (int partition = 0; partition < 3; partition++) {
                Long newestUsable = null;
                for (PartitionSnapshot s : WRITTEN.get(partition)) {
                    if (s.usableFor(at)) {
                        newestUsable = s.nextOffset();
                    }
                }
                assertThat(actual.snapshotOffsets().get(partition)).as("partition %d at %s", partition, at)
                        .isEqualTo(newestUsable);
            }
        }
        // before its first snapshot's events, a partition is read from its beginning
        assertThat(fast.toInstant(BASE.plusSeconds(120)).snapshotOffsets()).doesNotContainKey(0);
        assertThat(fast.toInstant(BASE.plusSeconds(180)).snapshotOffsets()).containsEntry(0, 4L);
        // partition 1's snapshots hold minute 50: not used for minute 15, used for minute 55
        assertThat(fast.toInstant(BASE.plusSeconds(15 * 60)).snapshotOffsets()).doesNotContainKey(1);
        assertThat(fast.toInstant(BASE.plusSeconds(50 * 60)).snapshotOffsets()).containsEntry(1, 12L);
        assertThat(fast.toInstant(BASE.plusSeconds(55 * 60)).snapshotOffsets()).containsEntry(1, 16L);
        // agent 112's old records after partition 2's snapshots are still applied
        ReplayState end = fast.toInstant(BASE.plusSeconds(7200));
        assertThat(end.snapshotOffsets()).containsEntry(2, 16L);
        assertThat(end.agent(112)).isPresent();
        assertThat(end.partitions().get(0).unavailableDomains()).containsExactly(5000);
        assertThat(end.partitions().get(0).anomalies()).isEqualTo(1);
    }

    @Test
    void aReplayToOffsetsFromSnapshotsEqualsOneFromTheBeginning() {
        TopicReplay plain = new TopicReplay(KafkaClients.bootstrap(bootstrap), agentEvents, config, TopicReplay.DEFAULT_TIMEOUT);
        TopicReplay fast = plain.withSnapshots(snapshots);
        TopicReplay.EndOffsets live = plain.endOffsets();
        assertSameState(fast.toOffsets(live), plain.toOffsets(live), "at the end");
        assertThat(fast.toOffsets(live).snapshotOffsets()).isEqualTo(Map.of(0, 12L, 1, 16L, 2, 16L));
        assertThat(fast.toOffsets(live).at()).isEqualTo(plain.toOffsets(live).at());

        Map<Integer, Long> middle = Map.of(0, 10L, 1, 7L, 2, 12L);
        ReplayState actual = fast.toOffsets(middle);
        assertSameState(actual, plain.toOffsets(middle), "in the middle");
        assertThat(actual.snapshotOffsets()).isEqualTo(Map.of(0, 8L, 1, 4L, 2, 12L));
        for (long end = 0; end <= 14; end++) {
            Map<Integer, Long> ends = Map.of(0, end, 1, end, 2, end);
            assertSameState(fast.toOffsets(ends), plain.toOffsets(ends), "to " + end);
        }
    }

    @Test
    void unreadableOrForeignSnapshotsArePassedOverWithANote() {
        TopicReplay plain = new TopicReplay(KafkaClients.bootstrap(bootstrap), agentEvents, config, TopicReplay.DEFAULT_TIMEOUT);
        TopicReplay damaged = plain.withSnapshots(damagedSnapshots);
        for (Instant at : List.of(BASE.plusSeconds(5 * 60), BASE.plusSeconds(7200))) {
            ReplayState actual = damaged.toInstant(at);
            assertSameState(actual, plain.toInstant(at), "at " + at);
        }
        ReplayState end = damaged.toInstant(BASE.plusSeconds(7200));
        // the damaged record claimed partition 0 at 12: passed over for the real snapshot at 12, read again
        assertThat(end.snapshotOffsets()).containsEntry(0, 12L).containsEntry(2, 16L);
        assertThat(end.notes()).anySatisfy(n -> assertThat(n).contains(damagedSnapshots).contains("unreadable")
                .contains("passed over"));
        assertThat(end.notes()).noneMatch(n -> n.contains("arm.other-topic"));

        // the record with partition 2's headers at 4 and the body of its snapshot at 8: passed over for the real one
        ReplayState early = damaged.toInstant(BASE.plusSeconds(14 * 60));
        assertThat(early.notes()).anySatisfy(n -> assertThat(n).contains("does not match its headers"));
        assertThat(early.snapshotOffsets()).containsEntry(2, 4L);
        assertSameState(early, plain.toInstant(BASE.plusSeconds(14 * 60)), "at minute 14");
    }

    @Test
    void aMissingSnapshotTopicMeansFromTheBeginning() {
        TopicReplay plain = new TopicReplay(KafkaClients.bootstrap(bootstrap), agentEvents, config, TopicReplay.DEFAULT_TIMEOUT);
        ReplayState actual = plain.withSnapshots("availability.projection-snapshots.missing").toInstant(BASE.plusSeconds(7200));
        assertSameState(actual, plain.toInstant(BASE.plusSeconds(7200)), "without a snapshot topic");
        assertThat(actual.snapshotOffsets()).isEmpty();
        assertThat(actual.notes()).singleElement().asString().contains("does not exist");
        assertThat(plain.withSnapshots(null).snapshotTopic()).isEmpty();
    }

    static void assertSameState(ReplayState actual, ReplayState expected, String what) {
        assertThat(actual.at()).as(what).isEqualTo(expected.at());
        assertThat(actual.partitions().keySet()).as(what).isEqualTo(expected.partitions().keySet());
        for (PartitionProjection e : expected.partitions().values()) {
            PartitionProjection a = actual.partitions().get(e.partition());
            String where = what + ", partition " + e.partition();
            assertThat(a.nextOffset()).as(where).isEqualTo(e.nextOffset());
            assertThat(a.anomalies()).as(where).isEqualTo(e.anomalies());
            assertThat(a.lastEventAt()).as(where).isEqualTo(e.lastEventAt());
            assertThat(a.unavailableDomains()).as(where).isEqualTo(e.unavailableDomains());
            assertThat(List.copyOf(a.agents())).as(where).isEqualTo(List.copyOf(e.agents()));
        }
        assertThat(actual.config().asMap()).as(what).isEqualTo(expected.config().asMap());
        assertThat(actual.config().nextOffset()).as(what).isEqualTo(expected.config().nextOffset());
    }

    /** An agent's shift from {@code start}, one event a minute: login, routable, then ready, tasks, not ready. */
    static List<ArmEvent> shift(int agent, Instant start, int count) {
        List<ArmEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Instant at = start.plus(Duration.ofMinutes(i));
            TaskId task = new TaskId(80_170, agent, i / 4);
            events.add(switch (i) {
                case 0 -> event(ArmMessage.MEDIA_LOGIN_REQ, agent, ArmFields.mediaLogin(0, false, 2,
                        Integer.toString(agent)), at);
                case 1 -> event(ArmMessage.MAKE_AGENT_ROUTABLE_IND, agent, ArmFields.maxTasks(2), at);
                default -> switch (i % 4) {
                    case 2 -> event(ArmMessage.MAKE_AGENT_READY_IND, agent, ArmFields.makeRoutable(true), at);
                    case 3 -> event(ArmMessage.START_TASK_IND, agent, ArmFields.task(task), at);
                    case 0 -> event(ArmMessage.END_TASK_IND, agent, ArmFields.task(new TaskId(80_170, agent,
                            i / 4 - 1)), at);
                    default -> event(ArmMessage.MAKE_AGENT_NOT_READY_REQ, agent, ArmFields.reasonCode(i), at);
                };
            });
        }
        return events;
    }

    static ArmEvent event(ArmMessage message, int agent, ArmFields fields, Instant at) {
        return ArmEvent.of(message, at, 80170, 5000, agent, fields, "test");
    }

    static Map<String, String> headers(PartitionSnapshot snapshot) {
        return headers(snapshot, null);
    }

    static Map<String, String> headers(PartitionSnapshot snapshot, SnapshotCoverage.Span covered) {
        Map<String, String> headers = new HashMap<>();
        for (Header header : SnapshotRecords.headers(snapshot, covered)) {
            headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        return headers;
    }
}
