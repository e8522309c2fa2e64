package dev.agentavailability.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentavailability.kafka.KafkaClients;
import dev.agentavailability.kafka.TopicReader;
import dev.agentavailability.contract.ContractJson;
import dev.agentavailability.contract.Decoded;
import dev.agentavailability.contract.arm.ArmEvent;
import dev.agentavailability.contract.arm.ArmEventJson;
import dev.agentavailability.contract.topic.Topics;
import dev.agentavailability.projection.AgentState;
import dev.agentavailability.projection.PartitionProjection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A router killed in the middle of a stream of agent events and started again ends with the projection
 * that the topic alone rebuilds: no event lost, none counted twice.
 */
class RouterRestartTest {

    private static final int AGENTS = 40;
    private static final int EVENTS = 3000;

    private static Lab lab;

    @BeforeAll
    static void startLab() throws Exception {
        lab = LabFixture.start(3);
    }

    @AfterAll
    static void stopLab() {
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    void projectionAfterACrashAndRestartEqualsTheOneRebuiltFromTheTopic() throws Exception {
        List<ArmEvent> stream = new RandomAgentEvents(new Random(42), 7000, AGENTS, "restart-test").take(EVENTS);
        try (KafkaProducer<String, String> producer = producer()) {
            send(producer, stream.subList(0, EVENTS / 3));
            producer.send(new ProducerRecord<>(Topics.AGENT_EVENTS, "7001", "{this is not an ARM event"));
            producer.flush();
            await().atMost(Duration.ofSeconds(60)).until(() -> appliedOffsets() > 0);

            lab.router().kill();
            send(producer, stream.subList(EVENTS / 3, 2 * EVENTS / 3));
            lab.router().start();
            send(producer, stream.subList(2 * EVENTS / 3, EVENTS));
        }
        lab.router().awaitReady(Duration.ofMinutes(2));

        Map<Integer, PartitionProjection> rebuilt = rebuildFromTopic();
        long endOffsets = rebuilt.values().stream().mapToLong(PartitionProjection::nextOffset).sum();
        await().atMost(Duration.ofSeconds(90)).until(() -> appliedOffsets() == endOffsets);

        JsonNode live = ContractJson.mapper().readTree(lab.send("GET", lab.router().url() + "/projection", null, null));
        assertThat(live).hasSize(rebuilt.size());
        long anomalies = 0;
        for (JsonNode partition : live) {
            PartitionProjection expected = rebuilt.get(partition.get("partition").asInt());
            assertThat(partition.get("nextOffset").asLong()).isEqualTo(expected.nextOffset());
            assertThat(partition.get("anomalies").asLong()).isEqualTo(expected.anomalies());
            List<AgentState> agents = new ArrayList<>();
            for (JsonNode agent : partition.get("agents")) {
                agents.add(ContractJson.mapper().treeToValue(agent, AgentState.class));
            }
            assertThat(agents).containsExactlyElementsOf(expected.agents());
            anomalies += expected.anomalies();
        }
        assertThat(anomalies).as("the stream holds illegal events, so anomalies are compared too").isPositive();
    }

    private static long appliedOffsets() throws Exception {
        JsonNode live = ContractJson.mapper().readTree(lab.send("GET", lab.router().url() + "/projection", null, null));
        long sum = 0;
        for (JsonNode partition : live) {
            sum += partition.get("nextOffset").asLong();
        }
        return sum;
    }

    private static Map<Integer, PartitionProjection> rebuildFromTopic() {
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

    private static KafkaProducer<String, String> producer() {
        return KafkaClients.bootstrap(lab.bootstrapServers()).producer("lab-test-producer", Map.of(),
                new StringSerializer(), new StringSerializer());
    }

    private static void send(KafkaProducer<String, String> producer, List<ArmEvent> events) {
        for (ArmEvent event : events) {
            producer.send(new ProducerRecord<>(Topics.AGENT_EVENTS, event.key(), ArmEventJson.write(event)));
        }
        producer.flush();
    }
}
