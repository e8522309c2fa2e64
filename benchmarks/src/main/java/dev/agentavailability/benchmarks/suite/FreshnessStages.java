package dev.agentavailability.benchmarks.suite;

import dev.agentavailability.contract.topic.Topics;
import dev.agentavailability.kafka.KafkaClients;
import dev.agentavailability.kafka.TopicReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Where a toggle's freshness goes, from the records' own timestamps (CreateTime, set by each producer when it
 * sends): the listener's agent event, then the router's skill-group availability record. With the times the suite
 * took around each toggle this splits freshness into the listener's send until its 2xx, the router (read, apply,
 * store with offsets, count, send) and the rest (the router's send acknowledged, the entry point reading and
 * answering). Milliseconds: record timestamps have no finer resolution.
 */
final class FreshnessStages implements AutoCloseable {

    /** One toggle's times, epoch milliseconds; -1 where a record was not found. */
    record Toggle(long posted, long accepted, long changed) {
    }

    private record Stamp(String topic, String key, long timestamp, long received) {
    }

    private final String skillGroupKeyPrefix;
    private final List<Stamp> stamps = new ArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread reader;

    private FreshnessStages(KafkaClients kafka, int skillGroup) throws InterruptedException {
        this.skillGroupKeyPrefix = skillGroup + "/";
        CountDownLatch positioned = new CountDownLatch(1);
        reader = new Thread(() -> read(kafka, positioned), "bench-freshness-stages");
        reader.setDaemon(true);
        reader.start();
        if (!positioned.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the stage reader found no topic ends within 30 s");
        }
    }

    /** Starts reading both topics from their ends. */
    static FreshnessStages start(KafkaClients kafka, int skillGroup) throws InterruptedException {
        return new FreshnessStages(kafka, skillGroup);
    }

    private void read(KafkaClients kafka, CountDownLatch positioned) {
        try (KafkaConsumer<String, String> consumer = kafka.reader("bench-freshness-stages", Duration.ofSeconds(30),
                Map.of(), new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of(Topics.AGENT_EVENTS, Topics.SKILL_GROUP_AVAILABILITY)) {
                partitions.addAll(TopicReader.partitions(consumer, topic, Duration.ofSeconds(30), false));
            }
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            positioned.countDown();
            while (running.get()) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                    synchronized (stamps) {
                        stamps.add(new Stamp(record.topic(), record.key(), record.timestamp(),
                                System.currentTimeMillis()));
                    }
                }
            }
        }
    }

    /**
     * The stages' percentiles over the toggles whose two records were found, as printable lines: each toggle's
     * agent event is the first sent after it was posted, its availability record the first the router sent after
     * that event.
     */
    List<String> report(List<Toggle> toggles) {
        List<Stamp> seen;
        synchronized (stamps) {
            seen = List.copyOf(stamps);
        }
        List<Double> posting = new ArrayList<>();
        List<Double> eventVisible = new ArrayList<>();
        List<Double> listener = new ArrayList<>();
        List<Double> router = new ArrayList<>();
        List<Double> availabilityVisible = new ArrayList<>();
        List<Double> entryPoint = new ArrayList<>();
        for (Toggle toggle : toggles) {
            Stamp event = first(seen, Topics.AGENT_EVENTS, null, toggle.posted());
            Stamp published = event == null ? null
                    : first(seen, Topics.SKILL_GROUP_AVAILABILITY, skillGroupKeyPrefix, event.timestamp());
            if (published == null || published.timestamp() > toggle.changed()) {
                continue;
            }
            posting.add((double) (event.timestamp() - toggle.posted()));
            eventVisible.add((double) (event.received() - event.timestamp()));
            listener.add((double) (toggle.accepted() - event.timestamp()));
            router.add((double) (published.timestamp() - event.received()));
            availabilityVisible.add((double) (published.received() - published.timestamp()));
            entryPoint.add((double) (toggle.changed() - published.received()));
        }
        return List.of(
                line("action posted → listener's event sent", posting),
                line("listener's event sent → read by a raw consumer", eventVisible),
                line("listener's event sent → its 2xx", listener),
                line("event read by a raw consumer → router's availability sent (read, apply, store, count)", router),
                line("router's availability sent → read by a raw consumer", availabilityVisible),
                line("availability read by a raw consumer → initialize changes (entry point reads, answers)",
                        entryPoint));
    }

    private static Stamp first(List<Stamp> seen, String topic, String keyPrefix, long notBefore) {
        return seen.stream().filter(s -> s.topic().equals(topic) && s.timestamp() >= notBefore)
                .filter(s -> keyPrefix == null || (s.key() != null && s.key().startsWith(keyPrefix)))
                .min(java.util.Comparator.comparingLong(Stamp::timestamp)).orElse(null);
    }

    private static String line(String stage, List<Double> millis) {
        double[] values = millis.stream().mapToDouble(Double::doubleValue).toArray();
        if (values.length == 0) {
            return stage + ": no toggle matched";
        }
        return String.format(java.util.Locale.ROOT, "%s: p50 %.0f ms, p99 %.0f ms (%d toggles)", stage,
                Stats.percentile(values, 50), Stats.percentile(values, 99), values.length);
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        reader.join(5_000);
    }
}
