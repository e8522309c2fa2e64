package dev.agentavailability.benchmarks.suite;

import dev.agentavailability.contract.topic.TopicSpec;
import dev.agentavailability.kafka.KafkaClients;
import dev.agentavailability.kafka.TopicAdmin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Freshness: an agent's ready or not ready accepted by the listener (its 2xx received) until initialize answers
 * accordingly, measured in this process by asking initialize again at once over a kept connection. The ceiling is
 * what the path needs at the least: two Kafka hops with acks=all on the same broker (producer, a relay that consumes
 * and produces, a consumer), from the first send's acknowledgement to the record read at the end.
 */
final class FreshnessFigures {

    static final String HOP_1 = "bench.freshness.hop-1";
    static final String HOP_2 = "bench.freshness.hop-2";
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final long POLL_PAUSE_NANOS = Long.getLong("benchmark.freshnessPollMicros", 500) * 1_000;

    private FreshnessFigures() {
    }

    /**
     * The agent is logged in and routable in the entry point's only skill group, ready or not. With
     * {@code profiles}, the lab's processes are profiled during the measured toggles. Where the time went (the
     * stages, the profiles' shares) is added to {@code notes}.
     */
    static List<Figure> measure(String listenerUrl, String agentPath, String initializeUrl, String authorization,
            String bootstrap, int skillGroup, Size size, Profiles profiles, List<String> notes) throws Exception {
        List<FreshnessStages.Toggle> times = new ArrayList<>();
        double[] service;
        // an even number, so that the measured toggles start from not ready like the warm-up
        int warmUp = Integer.getInteger("benchmark.warmUpToggles", size.warmUpToggles) / 2 * 2;
        toggles(listenerUrl + agentPath, initializeUrl, authorization, warmUp, new ArrayList<>());
        System.out.println("freshness: " + warmUp + " toggles to warm up done; measuring");
        try (FreshnessStages stages = FreshnessStages.start(KafkaClients.bootstrap(bootstrap), skillGroup)) {
            if (profiles != null) {
                profiles.start();
            }
            service = toggles(listenerUrl + agentPath, initializeUrl, authorization, size.toggles, times);
            if (profiles != null) {
                profiles.stop().forEach(line -> notes.add("freshness profile, " + line));
            }
            stages.report(times).forEach(line -> notes.add("freshness stage, " + line));
        }
        double[] hops = twoHops(bootstrap, size.toggles);
        String ceilingName = "two Kafka hops, acks=all";
        String over = " (" + size.toggles + " toggles)";
        return List.of(
                Figure.atMost("freshness p50: accepted → initialize changes" + over, Stats.percentile(service, 50),
                        "ms", Stats.percentile(hops, 50), ceilingName,
                        Stats.percentile(service, 50) / Stats.percentile(hops, 50), 2.0),
                Figure.atMost("freshness p99" + over, Stats.percentile(service, 99), "ms",
                        Stats.percentile(hops, 99), ceilingName,
                        Stats.percentile(service, 99) / Stats.percentile(hops, 99), 2.0),
                Figure.reported("freshness p99.9" + over, Stats.percentile(service, 99.9), "ms",
                        Stats.percentile(hops, 99.9), ceilingName,
                        Stats.percentile(service, 99.9) / Stats.percentile(hops, 99.9)));
    }

    private static double[] toggles(String agentUrl, String initializeUrl, String authorization, int count,
            List<FreshnessStages.Toggle> times) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest initialize = HttpRequest.newBuilder(URI.create(initializeUrl)).GET().build();
        double[] millis = new double[count];
        for (int i = 0; i < count; i++) {
            boolean ready = i % 2 == 0;
            HttpRequest action = HttpRequest.newBuilder(URI.create(agentUrl + (ready ? "/ready" : "/not-ready")))
                    .header("Authorization", authorization).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(ready ? "{\"makeRoutable\":true}" : "{\"reasonCode\":5}"))
                    .build();
            long posted = System.currentTimeMillis();
            HttpResponse<String> accepted = http.send(action, HttpResponse.BodyHandlers.ofString());
            long start = System.nanoTime();
            long acceptedAt = System.currentTimeMillis();
            if (accepted.statusCode() / 100 != 2) {
                throw new IOException(action.uri() + " answered " + accepted.statusCode() + ": " + accepted.body());
            }
            String expected = "\"responseType\":" + (ready ? 0 : 1);
            long deadline = start + DEADLINE.toNanos();
            while (!http.send(initialize, HttpResponse.BodyHandlers.ofString()).body().contains(expected)) {
                if (System.nanoTime() > deadline) {
                    throw new IOException("initialize did not answer " + expected + " within " + DEADLINE
                            + " of toggle " + i);
                }
                // A pause between asks: back to back, the asking took most of a core (the entry point 56 %, this
                // process 34 %) from the path it measures.
                LockSupport.parkNanos(POLL_PAUSE_NANOS);
            }
            millis[i] = (System.nanoTime() - start) / 1e6;
            times.add(new FreshnessStages.Toggle(posted, acceptedAt, System.currentTimeMillis()));
        }
        return millis;
    }

    /** One record at a time through producer → relay (consume, produce) → consumer, acks=all on both sends. */
    private static double[] twoHops(String bootstrap, int count) throws Exception {
        KafkaClients kafka = KafkaClients.bootstrap(bootstrap);
        TopicAdmin.ensure(kafka, List.of(new TopicSpec(HOP_1, 1, Map.of()), new TopicSpec(HOP_2, 1, Map.of())));
        Map<String, Object> acksAll = Map.of(ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 0);
        AtomicBoolean running = new AtomicBoolean(true);
        double[] millis = new double[count];
        try (KafkaProducer<String, String> first = kafka.producer("bench-hop-1", acksAll, new StringSerializer(),
                new StringSerializer());
                KafkaConsumer<String, String> last = reader(kafka, HOP_2)) {
            CountDownLatch relaying = new CountDownLatch(1);
            Thread relay = new Thread(() -> relay(kafka, acksAll, running, relaying), "bench-relay");
            relay.start();
            try {
                // the relay reads from the end it found: a record sent before that would never come through
                if (!relaying.await(DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
                    throw new IOException("the relay did not start reading within " + DEADLINE);
                }
                String payload = "x".repeat(300);
                for (int i = -20; i < count; i++) { // 20 unreported to warm up
                    String key = Integer.toString(i);
                    first.send(new ProducerRecord<>(HOP_1, key, payload)).get();
                    long start = System.nanoTime();
                    long deadline = start + DEADLINE.toNanos();
                    boolean arrived = false;
                    while (!arrived) {
                        for (ConsumerRecord<String, String> record : last.poll(Duration.ofMillis(100))) {
                            arrived |= record.key().equals(key);
                        }
                        if (!arrived && System.nanoTime() > deadline) {
                            throw new IOException("record " + key + " did not come through the two hops");
                        }
                    }
                    if (i >= 0) {
                        millis[i] = (System.nanoTime() - start) / 1e6;
                    }
                }
            } finally {
                running.set(false);
                relay.join();
            }
        }
        return millis;
    }

    private static void relay(KafkaClients kafka, Map<String, Object> acksAll, AtomicBoolean running,
            CountDownLatch relaying) {
        try (KafkaConsumer<String, String> in = reader(kafka, HOP_1);
                KafkaProducer<String, String> out = kafka.producer("bench-hop-2", acksAll, new StringSerializer(),
                        new StringSerializer())) {
            relaying.countDown();
            while (running.get()) {
                for (ConsumerRecord<String, String> record : in.poll(Duration.ofMillis(100))) {
                    out.send(new ProducerRecord<>(HOP_2, record.key(), record.value())).get();
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("the relay failed", e);
        }
    }

    private static KafkaConsumer<String, String> reader(KafkaClients kafka, String topic) {
        KafkaConsumer<String, String> consumer = kafka.reader("bench-" + topic, DEADLINE, Map.of(),
                new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = new ArrayList<>(List.of(new TopicPartition(topic, 0)));
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        consumer.position(partitions.get(0));
        return consumer;
    }
}
