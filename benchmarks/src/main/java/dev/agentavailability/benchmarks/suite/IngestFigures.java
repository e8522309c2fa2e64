package dev.agentavailability.benchmarks.suite;

import dev.agentavailability.contract.topic.TopicSpec;
import dev.agentavailability.contract.topic.Topics;
import dev.agentavailability.kafka.KafkaClients;
import dev.agentavailability.kafka.TopicAdmin;
import dev.agentavailability.kafka.TopicReader;
import dev.agentavailability.lab.Lab;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Listener ingest: agents acting at once, each posting ready and not ready in turn and waiting for its 2xx (the
 * listener answers only once Kafka has acknowledged the event), in actions per second. The ceiling is what Kafka
 * alone does for the same senders: as many threads, each sending one record and waiting for its acknowledgement,
 * through one producer with the listener's settings (acks=all, idempotent, no linger), records of the size the
 * listener wrote, onto a topic with as many partitions. Ceiling and ingest take turns within each round.
 */
final class IngestFigures {

    static final String TOPIC = "bench.ingest";
    /** Agents (and ceiling senders) at once. */
    static final int AGENTS = 16;
    private static final int FIRST_AGENT = 7001;
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    private IngestFigures() {
    }

    static List<Figure> measure(Lab lab, int skillGroup, int partitions, Size size) throws Exception {
        String authorization = lab.users().admin().credentials().authorization();
        List<String> agents = configure(lab, skillGroup, authorization);
        KafkaClients kafka = KafkaClients.bootstrap(lab.bootstrapServers());
        TopicAdmin.ensure(kafka, List.of(new TopicSpec(TOPIC, partitions, Map.of())));
        Duration each = size.loadDuration;
        runActions(agents, authorization, Duration.ofSeconds(size == Size.SMOKE ? 1 : 5)); // warm-up, unreported
        int recordSize = lastEventSize(kafka);
        List<Double> ratios = new ArrayList<>();
        List<Double> actions = new ArrayList<>();
        List<Double> records = new ArrayList<>();
        for (int round = 1; round <= size.rounds; round++) {
            double ceiling = runProducer(kafka, recordSize, each);
            double measured = runActions(agents, authorization, each);
            System.out.printf(Locale.ROOT, "ingest round %d: %.0f actions/s (raw producer %.0f records/s of %d bytes)%n",
                    round, measured, ceiling, recordSize);
            records.add(ceiling);
            actions.add(measured);
            ratios.add(measured / ceiling);
        }
        String name = "listener ingest: HTTP action → acknowledged event (" + AGENTS + " agents at once)";
        return List.of(Figure.atLeast(name, Stats.median(array(actions)), "per s", Stats.median(array(records)),
                "raw producer, acks=all, " + AGENTS + " senders, " + recordSize + "-byte records",
                Stats.median(array(ratios)), 0.5));
    }

    private static double[] array(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Imports the agents into the entry point's skill group, then logs each in (once the listener knows it). */
    private static List<String> configure(Lab lab, int skillGroup, String authorization) throws Exception {
        StringBuilder yaml = new StringBuilder("agents:\n");
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < AGENTS; i++) {
            int id = FIRST_AGENT + i;
            yaml.append(String.format(Locale.ROOT, "  - { id: %d, name: Bench_%d, peripheralNumber: %d, "
                    + "skillGroupIds: [%d] }%n", id, id, 10_000 + id, skillGroup));
            paths.add(lab.listener().url() + "/agents/" + id + "/mrds/5000");
        }
        lab.send("POST", lab.router().url() + "/config/import", "application/yaml", yaml.toString());
        HttpClient http = HttpClient.newHttpClient();
        for (String agent : paths) {
            long deadline = System.nanoTime() + DEADLINE.toNanos();
            // the listener learns the agents from the config topic: a login before that is refused
            while (post(http, agent + "/login", "{\"maxTaskLimit\":2,\"agentInfo\":\"bench\"}", authorization) / 100 != 2) {
                if (System.nanoTime() > deadline) {
                    throw new IOException("the listener did not accept a login of " + agent + " within " + DEADLINE);
                }
                LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
            }
            requireOk(post(http, agent + "/routable", "{\"maxTasks\":2}", authorization), agent + "/routable");
        }
        return paths;
    }

    /** Every agent at once, ready and not ready in turn, for {@code duration}: 2xx answers per second. */
    private static double runActions(List<String> agents, String authorization, Duration duration) throws Exception {
        return inParallel(agents.size(), duration, (index, until) -> {
            URI agent = URI.create(agents.get(index));
            long done = 0;
            try (RawHttp http = new RawHttp(agent.getHost(), agent.getPort())) {
                for (boolean ready = true; System.nanoTime() < until; ready = !ready) {
                    String path = agent.getPath() + (ready ? "/ready" : "/not-ready");
                    requireOk(http.post(path, authorization, ready ? "{\"makeRoutable\":true}" : "{\"reasonCode\":5}"),
                            path);
                    done++;
                }
            }
            return done;
        });
    }

    /** As many senders, each waiting for its record's acknowledgement before the next: records per second. */
    private static double runProducer(KafkaClients kafka, int recordSize, Duration duration) throws Exception {
        String payload = "x".repeat(recordSize);
        try (KafkaProducer<String, String> producer = kafka.producer("bench-ingest",
                KafkaClients.acknowledgedSettings(DEADLINE), new StringSerializer(), new StringSerializer())) {
            return inParallel(AGENTS, duration, (index, until) -> {
                String key = Integer.toString(FIRST_AGENT + index);
                long done = 0;
                while (System.nanoTime() < until) {
                    producer.send(new ProducerRecord<>(TOPIC, key, payload)).get();
                    done++;
                }
                return done;
            });
        }
    }

    private interface Sender {
        long run(int index, long untilNanos) throws Exception;
    }

    private static double inParallel(int threads, Duration duration, Sender sender) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long start = System.nanoTime();
            long until = start + duration.toNanos();
            List<Future<Long>> counts = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int index = i;
                counts.add(pool.submit((Callable<Long>) () -> sender.run(index, until)));
            }
            long total = 0;
            for (Future<Long> count : counts) {
                total += count.get();
            }
            return total / ((System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }

    /** The size of the listener's latest agent event, so that the ceiling sends records as large. */
    private static int lastEventSize(KafkaClients kafka) throws IOException {
        try (KafkaConsumer<String, String> reader = kafka.reader("bench-ingest-size", DEADLINE)) {
            List<TopicPartition> partitions = TopicReader.partitions(reader, Topics.AGENT_EVENTS, DEADLINE, false);
            reader.assign(partitions);
            Map<TopicPartition, Long> ends = reader.endOffsets(partitions);
            ends.forEach((partition, end) -> reader.seek(partition, Math.max(0, end - 1)));
            long deadline = System.nanoTime() + DEADLINE.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : reader.poll(Duration.ofMillis(200))) {
                    if (record.value() != null) {
                        return record.value().length();
                    }
                }
            }
        }
        throw new IOException("no agent event to take the record size from");
    }

    private static int post(HttpClient http, String url, String body, String authorization)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", authorization)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static void requireOk(int status, String what) throws IOException {
        if (status / 100 != 2) {
            throw new IOException(what + " answered " + status);
        }
    }
}
