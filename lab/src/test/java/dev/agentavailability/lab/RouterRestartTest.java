package dev.agentavailability.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.agentavailability.kafka.KafkaClients;
import dev.agentavailability.contract.arm.ArmEvent;
import dev.agentavailability.contract.arm.ArmEventJson;
import dev.agentavailability.contract.topic.Topics;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
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

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
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
     * Three SIGKILLs while 1,000 events a second arrive, each once the router is ready again after the last: once
     * back, the router catches up and its projection is the topic's replay. The figures (each kill to ready, end of
     * the stream to caught up) are printed for the closing note.
     */
    @Test
    void killsUnderAThousandEventsASecondLoseNothingAndCatchUp() throws Exception {
        int events = 36_000;
        int kills = 3;
        int firstKill = 5_000;
        int between = 10_000; // 10 s at 1,000 a second: room for a restart (about 6 s here)
        // The stream goes on past its 36,000 events until the last killed router is back (a slow machine restarts
        // it later), at most to 72,000.
        List<ArmEvent> stream = new RandomAgentEvents(new Random(7), 8000, 60, "rate-test").take(2 * events);
        int sent = 0;
        List<Long> killedAt = new ArrayList<>();
        List<Long> readyAt = new ArrayList<>();
        long streamEnd;
        try (KafkaProducer<String, String> producer = producer()) {
            long start = System.nanoTime();
            for (int i = 0; i < stream.size(); i++) {
                if (i >= events && killedAt.size() == kills && readyAt.size() == kills) {
                    break;
                }
                ArmEvent event = stream.get(i);
                sent = i + 1;
                producer.send(new ProducerRecord<>(Topics.AGENT_EVENTS, event.key(), ArmEventJson.write(event)));
                if (i % 100 == 0 && readyAt.size() < killedAt.size() && ready()) {
                    readyAt.add(System.nanoTime());
                }
                // each kill hits a router that is back and applying; a later one waits for it
                if (killedAt.size() < kills && i >= firstKill + killedAt.size() * between
                        && readyAt.size() == killedAt.size() && i % 100 == 0) {
                    lab.router().kill();
                    killedAt.add(System.nanoTime());
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
        if (readyAt.size() < killedAt.size()) {
            readyAt.add(System.nanoTime());
        }
        assertThat(killedAt).as("SIGKILLs under load").hasSize(kills);
        long caughtUp = AgentEventReplay.assertRouterIsTheReplay(lab, false);
        List<Long> readyMillis = new ArrayList<>();
        for (int k = 0; k < kills; k++) {
            readyMillis.add(TimeUnit.NANOSECONDS.toMillis(readyAt.get(k) - killedAt.get(k)));
        }
        System.out.printf("RouterRestartTest: %d events at 1000/s, %d SIGKILLs; ready %s ms after each kill; "
                + "caught up %d ms after the stream ended%n", sent, kills, readyMillis,
                TimeUnit.NANOSECONDS.toMillis(caughtUp - streamEnd));
    }

    /** Whether the router answers ready now (within a second). */
    private static boolean ready() {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(lab.router().url() + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(1)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
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
