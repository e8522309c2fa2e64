package dev.agentavailability.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentavailability.contract.ContractJson;
import dev.agentavailability.contract.Decoded;
import dev.agentavailability.contract.arm.ArmEvent;
import dev.agentavailability.contract.arm.ArmEventJson;
import dev.agentavailability.contract.topic.Topics;
import dev.agentavailability.kafka.KafkaClients;
import dev.agentavailability.kafka.TopicReader;
import dev.agentavailability.projection.AgentState;
import dev.agentavailability.projection.PartitionProjection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/** The agent-event topic replayed from scratch, the measure every fault test holds a live router to. */
final class AgentEventReplay {

    private AgentEventReplay() {
    }

    /** Each partition rebuilt from the topic up to its end offsets now, as a router starting from nothing would. */
    static Map<Integer, PartitionProjection> rebuild(Lab lab) {
        Map<Integer, PartitionProjection> rebuilt = new TreeMap<>();
        // records written after the end offsets were taken are not part of the compared state
        Duration timeout = Duration.ofSeconds(60);
        try (KafkaConsumer<String, String> consumer = KafkaClients.bootstrap(lab.bootstrapServers())
                .reader("lab-test-rebuild", timeout)) {
            List<TopicPartition> partitions = TopicReader.partitions(consumer, Topics.AGENT_EVENTS, timeout, false);
            partitions.forEach(tp -> rebuilt.put(tp.partition(), new PartitionProjection(tp.partition())));
            TopicReader.read(consumer, partitions, consumer.endOffsets(partitions), record -> {
                PartitionProjection projection = rebuilt.get(record.partition());
                Decoded<ArmEvent> event = ArmEventJson.read(record.value());
                if (event.isValid()) {
                    projection.apply(event.value(), record.offset());
                } else {
                    projection.skip(record.offset());
                }
            }, timeout);
        }
        return rebuilt;
    }

    /**
     * Awaits the lab's router caught up with the topic, asserts that its live projection is the replay (offsets,
     * anomaly counts, every agent) and returns {@link System#nanoTime()} when it had caught up.
     */
    static long assertRouterIsTheReplay(Lab lab, boolean expectAnomalies) throws Exception {
        Map<Integer, PartitionProjection> rebuilt = rebuild(lab);
        long endOffsets = rebuilt.values().stream().mapToLong(PartitionProjection::nextOffset).sum();
        await("the router applies the topic up to its end").atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(100)).until(() -> LabFixture.appliedOffsets(lab) == endOffsets);
        long caughtUp = System.nanoTime();

        JsonNode live = ContractJson.mapper().readTree(lab.send("GET", lab.router().url() + "/projection", null, null));
        assertThat(live).hasSize(rebuilt.size());
        long anomalies = 0;
        for (JsonNode partition : live) {
            PartitionProjection expected = rebuilt.get(partition.get("partition").asInt());
            assertThat(partition.get("nextOffset").asLong()).isEqualTo(expected.nextOffset());
            assertThat(partition.get("anomalies").asLong()).isEqualTo(expected.anomalies());
            assertThat(agents(partition)).as("agents of partition %d", expected.partition())
                    .containsExactlyElementsOf(expected.agents());
            anomalies += expected.anomalies();
        }
        if (expectAnomalies) {
            assertThat(anomalies).as("the stream holds illegal events, so anomalies are compared too").isPositive();
        }
        return caughtUp;
    }

    /** The agents of one partition of {@code GET /projection}. */
    static List<AgentState> agents(JsonNode partition) throws Exception {
        List<AgentState> agents = new ArrayList<>();
        for (JsonNode agent : partition.get("agents")) {
            agents.add(ContractJson.mapper().treeToValue(agent, AgentState.class));
        }
        return agents;
    }
}
