package dev.agentavailability.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentavailability.contract.Decoded;
import dev.agentavailability.contract.arm.ArmEvent;
import dev.agentavailability.contract.arm.ArmEventJson;
import dev.agentavailability.contract.arm.IcmAgentState;
import dev.agentavailability.contract.config.ConfigEvent;
import dev.agentavailability.contract.config.ConfigEventJson;
import dev.agentavailability.projection.AgentMrdState;
import dev.agentavailability.projection.ConfigView;
import dev.agentavailability.projection.PartitionProjection;
import dev.agentavailability.projection.RttestFormat;
import dev.agentavailability.testsupport.TestKafka;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Replays against a real broker (test-support): to an instant, and to offsets against a live-style projection. */
class TopicReplayTest {

    private static ReplayTopics topics;

    @BeforeAll
    static void writeScenario() {
        topics = ReplayTopics.write();
    }

    @Test
    void atTheIncidentInstantTheAgentIsNotReadyAndLaterEventsAreLeftOut() {
        ReplayState state = topics.replay().toInstant(ReplayTopics.T1);

        assertThat(state.at()).isEqualTo(ReplayTopics.T1);
        AgentMrdState chat = state.agent(6420).orElseThrow().mrds().get(5000);
        assertThat(chat.state()).isEqualTo(IcmAgentState.NOT_READY);
        assertThat(chat.routable()).isTrue();
        assertThat(chat.stateSince()).isEqualTo(ReplayTopics.LOGIN);
        // 6421 logged in at 13:33:00, written after 6420's 13:34:10 event in the same partition
        assertThat(state.agent(6421)).isPresent();
        assertThat(state.agent(6422)).isEmpty();
        assertThat(state.partitions().get(2).anomalies()).isEqualTo(1);
        assertThat(state.partitions().get(1).unavailableDomains()).isEmpty();
        assertThat(state.config().skillGroup(6928).orElseThrow().name()).isEqualTo("TEST_Chat");

        String rttest = RttestFormat.format(state.agent(6420).orElseThrow(), state.config(),
                state.partitions().get(1).unavailableDomains(), state.at());
        // 13:30:00 → 13:34:09: the seconds count to the replay instant, not to now
        assertThat(rttest).contains("domain: ECE_Chat (5000), state = [nr-0:2,R], 249 secs")
                .contains("CL nr TEST_Chat (6928, periph# 70518)");
    }

    @Test
    void atTheEndTheAgentIsReadyAndTheDomainDown() {
        ReplayState state = topics.replay().toInstant(ReplayTopics.T2);

        AgentMrdState chat = state.agent(6420).orElseThrow().mrds().get(5000);
        assertThat(chat.state()).isEqualTo(IcmAgentState.NOT_ACTIVE);
        assertThat(chat.stateSince()).isEqualTo(ReplayTopics.READY);
        assertThat(state.agent(6422)).isPresent();
        assertThat(state.partitions().get(1).unavailableDomains()).containsExactly(5000);
        assertThat(state.config().skillGroup(6928).orElseThrow().name()).isEqualTo("TEST_Chat_renamed");
        String rttest = RttestFormat.format(state.agent(6420).orElseThrow(), state.config(),
                state.partitions().get(1).unavailableDomains(), state.at());
        assertThat(rttest).contains("state = [na-0:2,RD], 350 secs"); // 13:34:10 → 13:40:00
    }

    @Test
    void replayToTheLiveEndOffsetsEqualsWhatTheRouterBuiltLive() {
        TopicReplay replay = topics.replay();
        TopicReplay.EndOffsets ends = replay.endOffsets();
        Map<Integer, PartitionProjection> live = liveProjection(topics);
        ConfigView liveConfig = liveConfig(topics);

        assertLiveState(replay.toOffsets(ends), live, liveConfig, ends);
        assertThat(live.get(2).anomalies()).isEqualTo(1);

        String before = System.getProperty(TopicReplay.READERS_PROPERTY);
        try {
            // 3 partitions: one reader for all, readers sharing partitions, one each, more readers than partitions
            for (int readers : new int[] {1, 2, 3, 5}) {
                System.setProperty(TopicReplay.READERS_PROPERTY, Integer.toString(readers));
                assertThat(TopicReplay.readers(3)).isEqualTo(Math.min(readers, 3));
                assertLiveState(replay.toOffsets(ends), live, liveConfig, ends);
                assertThat(replay.toInstant(ReplayTopics.T1).agent(6420).orElseThrow().mrds().get(5000).state())
                        .as("%d readers", readers).isEqualTo(IcmAgentState.NOT_READY);
            }
        } finally {
            if (before == null) {
                System.clearProperty(TopicReplay.READERS_PROPERTY);
            } else {
                System.setProperty(TopicReplay.READERS_PROPERTY, before);
            }
        }
    }

    private static void assertLiveState(ReplayState replayed, Map<Integer, PartitionProjection> live,
            ConfigView liveConfig, TopicReplay.EndOffsets ends) {
        assertThat(replayed.partitions().keySet()).isEqualTo(live.keySet());
        for (PartitionProjection expected : live.values()) {
            PartitionProjection actual = replayed.partitions().get(expected.partition());
            assertThat(actual.nextOffset()).as("nextOffset of %d", expected.partition())
                    .isEqualTo(expected.nextOffset()).isEqualTo(ends.agentEvents().get(expected.partition()));
            assertThat(actual.anomalies()).isEqualTo(expected.anomalies());
            assertThat(actual.lastEventAt()).isEqualTo(expected.lastEventAt());
            assertThat(actual.unavailableDomains()).isEqualTo(expected.unavailableDomains());
            assertThat(List.copyOf(actual.agents())).isEqualTo(List.copyOf(expected.agents()));
        }
        assertThat(replayed.config().asMap()).isEqualTo(liveConfig.asMap());
        assertThat(replayed.config().nextOffset()).isEqualTo(liveConfig.nextOffset());
        assertThat(replayed.at()).isEqualTo(ReplayTopics.DOMAIN_DOWN.plusSeconds(60)); // 6422's login, the latest
        assertThat(replayed.recordsRead()).isEqualTo(ends.agentEvents().values().stream().mapToLong(e -> e).sum());
    }

    @Test
    void replayToEarlierOffsetsStopsThere() {
        ReplayState state = topics.replay().toOffsets(Map.of(1, 2L));

        assertThat(state.partitions().get(1).nextOffset()).isEqualTo(2);
        assertThat(state.agent(6420).orElseThrow().mrds().get(5000).state()).isEqualTo(IcmAgentState.NOT_READY);
        assertThat(state.agent(6421)).isEmpty();
    }

    /**
     * What router-service holds after reading everything: records applied per partition in small batches, each
     * to a copy of the previous state, unreadable records skipped (the steps of AgentEventConsumer).
     */
    static Map<Integer, PartitionProjection> liveProjection(ReplayTopics topics) {
        Map<Integer, List<ConsumerRecord<String, String>>> byPartition = new TreeMap<>();
        for (int p = 0; p < 3; p++) {
            byPartition.put(p, new ArrayList<>());
        }
        for (ConsumerRecord<String, String> record : TestKafka.readAll(topics.bootstrapServers, topics.agentEvents)) {
            byPartition.get(record.partition()).add(record);
        }
        Map<Integer, PartitionProjection> store = new TreeMap<>();
        byPartition.forEach((partition, records) -> {
            PartitionProjection current = new PartitionProjection(partition);
            for (int from = 0; from < records.size(); from += 2) {
                PartitionProjection next = current.copy();
                for (ConsumerRecord<String, String> record : records.subList(from, Math.min(from + 2, records.size()))) {
                    Decoded<ArmEvent> decoded = ArmEventJson.read(record.value());
                    if (decoded.isValid()) {
                        next.apply(decoded.value(), record.offset());
                    } else {
                        next.skip(record.offset());
                    }
                }
                current = next;
            }
            store.put(partition, current);
        });
        return store;
    }

    static ConfigView liveConfig(ReplayTopics topics) {
        ConfigView config = new ConfigView();
        for (ConsumerRecord<String, String> record : TestKafka.readAll(topics.bootstrapServers, topics.config)) {
            Decoded<ConfigEvent> decoded = ConfigEventJson.read(record.value());
            if (decoded.isValid()) {
                config.apply(decoded.value(), record.offset());
            } else {
                config.skip(record.offset());
            }
        }
        return config;
    }
}
