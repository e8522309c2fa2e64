package dev.agentavailability.replay;

import dev.agentavailability.kafka.KafkaClients;
import dev.agentavailability.kafka.TopicReader;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * How a replay reads Kafka: its consumers (made by the shared layer, no group, the replay's fetch settings), the
 * topics' partitions and end offsets, and {@link TopicReader}'s bounded reads, each failing as a replay fails
 * ({@link TopicReplay.ReplayException}).
 */
final class ReplayReads {

    private final KafkaClients kafka;
    private final Duration timeout;

    ReplayReads(KafkaClients kafka, Duration timeout) {
        this.kafka = kafka;
        this.timeout = timeout;
    }

    KafkaClients kafka() {
        return kafka;
    }

    Duration timeout() {
        return timeout;
    }

    /** Reads every partition from its beginning up to (not including) its end offset, in offset order. */
    <K, V> void read(KafkaConsumer<K, V> consumer, List<TopicPartition> partitions,
            Map<TopicPartition, Long> ends, Consumer<ConsumerRecord<K, V>> handler) {
        read(consumer, partitions, Map.of(), ends, (tp, records) -> records.forEach(handler));
    }

    <K, V> void read(KafkaConsumer<K, V> consumer, List<TopicPartition> partitions,
            Map<TopicPartition, Long> starts, Map<TopicPartition, Long> ends, TopicReader.BatchHandler<K, V> handler) {
        read(consumer, partitions, starts, ends, Map.<TopicPartition, List<SnapshotScan.Skip>>of(), (tp, skip) -> {
        }, handler);
    }

    /** {@link TopicReader#read}, failing as a replay fails. */
    <K, V> void read(KafkaConsumer<K, V> consumer, List<TopicPartition> partitions,
            Map<TopicPartition, Long> starts, Map<TopicPartition, Long> ends,
            Map<TopicPartition, List<SnapshotScan.Skip>> skips,
            java.util.function.BiConsumer<TopicPartition, SnapshotScan.Skip> skipped,
            TopicReader.BatchHandler<K, V> handler) {
        try {
            TopicReader.read(consumer, partitions, starts, ends, skips, skipped, handler, timeout);
        } catch (TopicReader.TopicReadException e) {
            throw new TopicReplay.ReplayException(e.getMessage(), e);
        }
    }

    List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, String topic) {
        try {
            return TopicReader.partitions(consumer, topic, timeout, false);
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            throw new TopicReplay.ReplayException("Kafka at " + kafka.bootstrapServers() + " did not answer within " + timeout, e);
        } catch (TopicReader.TopicReadException e) {
            throw new TopicReplay.ReplayException(e.getMessage() + " at " + kafka.bootstrapServers(), e);
        }
    }

    Map<Integer, Long> ends(KafkaConsumer<?, ?> consumer, List<TopicPartition> partitions) {
        Map<Integer, Long> byNumber = new TreeMap<>();
        consumer.endOffsets(partitions, timeout).forEach((tp, end) -> byNumber.put(tp.partition(), end));
        return byNumber;
    }

    /** The given end offsets by partition, the current end for any partition not given. */
    Map<TopicPartition, Long> ends(KafkaConsumer<?, ?> consumer, List<TopicPartition> partitions,
            Map<Integer, Long> given) {
        Map<TopicPartition, Long> current = consumer.endOffsets(partitions, timeout);
        Map<TopicPartition, Long> ends = new HashMap<>();
        for (TopicPartition tp : partitions) {
            Long chosen = given == null ? null : given.get(tp.partition());
            ends.put(tp, chosen != null ? chosen : current.get(tp));
        }
        return ends;
    }

    KafkaConsumer<String, String> consumer() {
        return consumer(new StringDeserializer());
    }


    /** Numbers the consumers' client ids. */
    private static final AtomicLong CONSUMER_IDS = new AtomicLong();

    <T> KafkaConsumer<T, T> consumer(Deserializer<T> deserializer) {
        return kafka.reader("topic-replay-" + CONSUMER_IDS.incrementAndGet(), timeout, TopicReplay.READ_SETTINGS, deserializer,
                deserializer);
    }

    /** A reader thread's consumer: a client id of its own, as replays may run at once (as on router-service). */
    <T> KafkaConsumer<T, T> reader(Deserializer<T> deserializer) {
        return kafka.reader("topic-replay-reader-" + CONSUMER_IDS.incrementAndGet(), timeout, TopicReplay.READ_SETTINGS,
                deserializer, deserializer);
    }

    TopicReplay.ReplayException failure(org.apache.kafka.common.KafkaException e) {
        if (e instanceof WakeupException) {
            return new TopicReplay.ReplayException("replay interrupted", e);
        }
        return new TopicReplay.ReplayException("reading from Kafka at " + kafka.bootstrapServers() + " failed: "
                + e.getMessage(), e);
    }
}
