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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
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
            await().atMost(Duration.ofSeconds(60)).until(() -> LabFixture.appliedOffsets(lab) > 0);

            lab.router().kill();
            send(producer, stream.subList(EVENTS / 3, 2 * EVENTS / 3));
            lab.router().start();
            send(producer, stream.subList(2 * EVENTS / 3, EVENTS));
        }
        lab.router().awaitReady(Duration.ofMinutes(2));

        AgentEventReplay.assertRouterIsTheReplay(lab, true);
    }

    /**
     * SIGKILL while 1,000 events a second arrive: once back, the router catches up and its projection is the topic's
     * replay. The figures (kill to ready, end of the stream to caught up) are printed for the closing note.
     */
    @Test
    void aKillUnderAThousandEventsASecondLosesNothingAndCatchesUp() throws Exception {
        int events = 20_000;
        List<ArmEvent> stream = new RandomAgentEvents(new Random(7), 8000, 60, "rate-test").take(events);
        long killedAt;
        long readyAt;
        long streamEnd;
        try (KafkaProducer<String, String> producer = producer()) {
            long start = System.nanoTime();
            killedAt = 0;
            for (int i = 0; i < events; i++) {
                ArmEvent event = stream.get(i);
                producer.send(new ProducerRecord<>(Topics.AGENT_EVENTS, event.key(), ArmEventJson.write(event)));
                if (i == events / 4) {
                    lab.router().kill();
                    killedAt = System.nanoTime();
                    lab.router().start();
                }
                // 1,000 a second: event i leaves at start + i ms (pacing the load, not waiting for a condition)
                long due = start + TimeUnit.MILLISECONDS.toNanos(i);
                long early = due - System.nanoTime();
                if (early > 0) {
                    LockSupport.parkNanos(early);
                }
            }
            producer.flush();
            streamEnd = System.nanoTime();
        }
        lab.router().awaitReady(Duration.ofMinutes(2));
        readyAt = System.nanoTime();
        long caughtUp = AgentEventReplay.assertRouterIsTheReplay(lab, false);
        System.out.printf("RouterRestartTest: %d events at 1000/s, SIGKILL after %d; ready %d ms after the kill; "
                + "caught up %d ms after the stream ended (%d ms after ready)%n", events, events / 4,
                TimeUnit.NANOSECONDS.toMillis(readyAt - killedAt),
                TimeUnit.NANOSECONDS.toMillis(caughtUp - streamEnd), TimeUnit.NANOSECONDS.toMillis(caughtUp - readyAt));
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
