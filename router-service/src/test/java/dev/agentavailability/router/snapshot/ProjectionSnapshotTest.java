package dev.agentavailability.router.snapshot;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.agentavailability.contract.ContractJson;
import dev.agentavailability.contract.Decoded;
import dev.agentavailability.contract.access.Roles;
import dev.agentavailability.contract.arm.ArmEvent;
import dev.agentavailability.contract.arm.ArmEventJson;
import dev.agentavailability.contract.arm.ArmFields;
import dev.agentavailability.contract.arm.ArmMessage;
import dev.agentavailability.contract.arm.TaskId;
import dev.agentavailability.contract.topic.Topics;
import dev.agentavailability.projection.PartitionProjection;
import dev.agentavailability.projection.snapshot.PartitionSnapshot;
import dev.agentavailability.replay.SnapshotRecords;
import dev.agentavailability.testsupport.KafkaAndPostgresResource;
import dev.agentavailability.testsupport.TestKafka;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The router writes a snapshot of a partition each time a stored batch crosses a multiple of
 * {@code availability.snapshots.every-records} (5 here), and each snapshot is the projection of exactly the records
 * below its offset. An own agent-event topic and an own database, so that other test classes' events and agents
 * stay out of the partitions compared; the snapshot topic is the default one (RouterTopics maps every
 * {@code availability.topics.*} key and refuses an override of one it does not know), read for this topic's
 * snapshots only.
 */
@QuarkusTest
// Runs as admin: what this class tests is not who may call (AccessTest is).
@TestSecurity(user = "admin", roles = Roles.ADMIN)
@TestProfile(ProjectionSnapshotTest.SmallSnapshots.class)
class ProjectionSnapshotTest {

    static final String AGENT_EVENTS = "arm.agent-events.snapshot-test";
    static final String SNAPSHOTS = Topics.PROJECTION_SNAPSHOTS;
    static final int EVERY = 5;
    static final int PARTITIONS = 3;
    static final int WAVES = 4;
    static final Instant START = Instant.parse("2019-08-19T13:00:00Z");

    public static class SmallSnapshots implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("availability.snapshots.every-records", Integer.toString(EVERY),
                    "availability.topics.agent-events", AGENT_EVENTS);
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(KafkaAndPostgresResource.class,
                    Map.of(KafkaAndPostgresResource.DATABASE_ARG, "router_snapshots")));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void eachStoredBatchThatCrossesAMultipleIsSnapshottedAsTheRecordsBelowIt() throws Exception {
        try (TestKafka kafka = TestKafka.connect(bootstrap)) {
            int k = 0;
            for (int wave = 1; wave <= WAVES; wave++) {
                for (; k < wave * EVERY; k++) {
                    for (int p = 0; p < PARTITIONS; p++) {
                        send(kafka, p, k);
                    }
                }
                // the next wave only once this one is stored, so every batch ends at a multiple of EVERY
                long expected = (long) wave * EVERY;
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                        given().get("/projection").then().statusCode(200).extract().jsonPath()
                                .getList("nextOffset", Long.class)).hasSize(PARTITIONS).containsOnly(expected));
            }
        }

        Map<Integer, List<PartitionSnapshot>> byPartition = new TreeMap<>();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            byPartition.clear();
            for (ConsumerRecord<String, String> record : TestKafka.readAll(bootstrap, SNAPSHOTS)) {
                if (!AGENT_EVENTS.equals(header(record, SnapshotRecords.TOPIC_HEADER))) {
                    continue;
                }
                PartitionSnapshot snapshot = ContractJson.mapper().readValue(record.value(), PartitionSnapshot.class);
                assertThat(record.key()).isEqualTo(Integer.toString(snapshot.partition()));
                assertThat(header(record, SnapshotRecords.TOPIC_HEADER)).isEqualTo(AGENT_EVENTS);
                assertThat(header(record, SnapshotRecords.PARTITION_HEADER)).isEqualTo(record.key());
                assertThat(header(record, SnapshotRecords.NEXT_OFFSET_HEADER))
                        .isEqualTo(Long.toString(snapshot.nextOffset()));
                assertThat(header(record, SnapshotRecords.LAST_EVENT_AT_HEADER))
                        .isEqualTo(String.valueOf(snapshot.lastEventAt()));
                byPartition.computeIfAbsent(snapshot.partition(), p -> new ArrayList<>()).add(snapshot);
            }
            assertThat(byPartition).hasSize(PARTITIONS);
            byPartition.values().forEach(list -> assertThat(list).extracting(PartitionSnapshot::nextOffset)
                    .containsExactly(5L, 10L, 15L, 20L));
        });

        Map<Integer, List<ConsumerRecord<String, String>>> records = new TreeMap<>();
        for (ConsumerRecord<String, String> record : TestKafka.readAll(bootstrap, AGENT_EVENTS)) {
            records.computeIfAbsent(record.partition(), p -> new ArrayList<>()).add(record);
        }
        // each snapshot covers the records since the previous one: their earliest time, their unreadable record
        Map<String, String> coverage = new TreeMap<>();
        for (ConsumerRecord<String, String> record : TestKafka.readAll(bootstrap, SNAPSHOTS)) {
            if (AGENT_EVENTS.equals(header(record, SnapshotRecords.TOPIC_HEADER))) {
                coverage.put(record.key() + "@" + header(record, SnapshotRecords.NEXT_OFFSET_HEADER),
                        header(record, SnapshotRecords.COVERS_FROM_HEADER) + " "
                                + header(record, SnapshotRecords.COVERS_MIN_EVENT_AT_HEADER) + " "
                                + header(record, SnapshotRecords.COVERS_LAST_UNREADABLE_HEADER));
            }
        }
        assertThat(coverage).containsEntry("0@5", "0 " + START + " -1")
                .containsEntry("0@10", "5 " + START.plusSeconds(5) + " -1")
                .containsEntry("1@10", "5 " + START.plusSeconds(5).plusMillis(1) + " 7")
                .containsEntry("2@20", "15 " + START.plusSeconds(15).plusMillis(2) + " -1");

        for (List<PartitionSnapshot> snapshots : byPartition.values()) {
            for (PartitionSnapshot snapshot : snapshots) {
                assertThat(snapshot.topic()).isEqualTo(AGENT_EVENTS);
                assertThat(snapshot.schemaVersion()).isEqualTo(PartitionSnapshot.SCHEMA_VERSION);
                PartitionProjection expected = rebuild(snapshot.partition(), records.get(snapshot.partition()),
                        snapshot.nextOffset());
                PartitionProjection actual = snapshot.toProjection();
                String what = "partition " + snapshot.partition() + " at " + snapshot.nextOffset();
                assertThat(actual.nextOffset()).as(what).isEqualTo(expected.nextOffset());
                assertThat(actual.anomalies()).as(what).isEqualTo(expected.anomalies());
                assertThat(actual.lastEventAt()).as(what).isEqualTo(expected.lastEventAt());
                assertThat(actual.unavailableDomains()).as(what).isEqualTo(expected.unavailableDomains());
                assertThat(List.copyOf(actual.agents())).as(what).isEqualTo(List.copyOf(expected.agents()));
            }
        }
        // the scenario has what a snapshot must carry: agents, an anomaly, a skipped record, a domain down
        PartitionSnapshot last2 = byPartition.get(2).get(WAVES - 1);
        assertThat(last2.anomalies()).isPositive();
        assertThat(last2.unavailableDomains()).containsExactly(5000);
        assertThat(byPartition.get(1).get(WAVES - 1).agents()).hasSize(1);

        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).containsPattern("availability_projection_snapshots_total\\{[^}]*outcome=\"sent\"[^}]*\\} "
                + (double) (PARTITIONS * WAVES));
    }

    /** The k-th record of partition p: one agent's shift, an unreadable record in 1, a refused event in 2. */
    private static void send(TestKafka kafka, int p, int k) throws InterruptedException, ExecutionException {
        int agent = 7100 + p;
        Instant at = START.plusSeconds(k).plusMillis(p);
        String value;
        if (p == 1 && k == 7) {
            value = "{ not an ARM event";
        } else if (p == 2 && k == 12) {
            value = ArmEventJson.write(event(ArmMessage.END_TASK_IND, agent, ArmFields.task(new TaskId(0, 9, 9)), at));
        } else if (p == 2 && k == 16) {
            value = ArmEventJson.write(new ArmEvent(ArmEvent.SCHEMA_VERSION, java.util.UUID.randomUUID(),
                    ArmMessage.APP_PATH_DOMAIN_STATUS_EVENT, ArmMessage.APP_PATH_DOMAIN_STATUS_EVENT.type(), at, 0,
                    5000, 0, ArmFields.domainStatus(5001, false), "test"));
        } else if (k == 0) {
            value = ArmEventJson.write(event(ArmMessage.MEDIA_LOGIN_REQ, agent,
                    ArmFields.mediaLogin(0, false, 2, Integer.toString(agent)), at));
        } else if (k == 1) {
            value = ArmEventJson.write(event(ArmMessage.MAKE_AGENT_ROUTABLE_IND, agent, ArmFields.maxTasks(2), at));
        } else if (k % 2 == 0) {
            value = ArmEventJson.write(event(ArmMessage.MAKE_AGENT_READY_IND, agent, ArmFields.makeRoutable(true), at));
        } else {
            value = ArmEventJson.write(event(ArmMessage.MAKE_AGENT_NOT_READY_REQ, agent, ArmFields.reasonCode(k), at));
        }
        kafka.producer().send(new ProducerRecord<>(AGENT_EVENTS, p, Integer.toString(agent), value)).get();
    }

    private static ArmEvent event(ArmMessage message, int agent, ArmFields fields, Instant at) {
        return ArmEvent.of(message, at, 80170, 5000, agent, fields, "test");
    }

    /** The partition's records below {@code end}, applied as the router applies them. */
    private static PartitionProjection rebuild(int partition, List<ConsumerRecord<String, String>> records, long end) {
        PartitionProjection projection = new PartitionProjection(partition);
        for (ConsumerRecord<String, String> record : records) {
            if (record.offset() >= end) {
                break;
            }
            Decoded<ArmEvent> decoded = ArmEventJson.read(record.value());
            if (decoded.isValid()) {
                projection.apply(decoded.value(), record.offset());
            } else {
                projection.skip(record.offset());
            }
        }
        return projection;
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
