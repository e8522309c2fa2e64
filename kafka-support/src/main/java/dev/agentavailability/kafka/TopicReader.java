package dev.agentavailability.kafka;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.errors.WakeupException;

/**
 * The one bounded topic reader: reads partitions from a start (their beginning by default) up to end offsets fixed
 * before the read, in offset order, and stops there even while producers go on writing. Replay, the listener's
 * rebuild, the entry point service's startup, the tests and the benchmark read through it.
 *
 * <p>It gives up when no partition moves for the timeout: a read of millions of records may take longer than the
 * timeout as long as it makes progress, and a broker that stops answering is noticed after the timeout.
 */
public final class TopicReader {

    /** The topic does not exist, Kafka did not answer, or no record came within the timeout. */
    public static final class TopicReadException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public TopicReadException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Offsets {@code [from, to)} of a partition that a read passes over. */
    public interface Skip {
        long from();

        long to();
    }

    /** A partition's records from one poll, in offset order, all below its end offset. */
    public interface BatchHandler<K, V> {
        void accept(TopicPartition partition, List<ConsumerRecord<K, V>> records);
    }

    private static final Duration POLL = Duration.ofMillis(200);

    private TopicReader() {
    }

    /**
     * Reads a whole small topic (entry point settings, chat events, config) with a reader of its own and hands
     * every record below the end offsets to {@code handler}, partition by partition in offset order.
     *
     * @param missingIsEmpty whether a topic that does not exist reads as empty instead of failing
     */
    public static void readToEnd(KafkaClients clients, String clientId, String topic, Duration timeout,
            boolean missingIsEmpty, java.util.function.Consumer<ConsumerRecord<String, String>> handler) {
        try (KafkaConsumer<String, String> consumer = clients.reader(clientId, timeout)) {
            List<TopicPartition> partitions = partitions(consumer, topic, timeout, missingIsEmpty);
            if (!partitions.isEmpty()) {
                read(consumer, partitions, consumer.endOffsets(partitions, timeout), handler, timeout);
            }
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            throw new TopicReadException("Kafka at " + clients.bootstrapServers() + " did not answer within "
                    + timeout + " while reading " + topic, e);
        } catch (WakeupException e) {
            throw e;
        } catch (KafkaException e) {
            throw new TopicReadException("reading " + topic + " from " + clients.bootstrapServers() + " failed: "
                    + e.getMessage(), e);
        }
    }

    /**
     * The topic's partitions in ascending order.
     *
     * @throws TopicReadException when the topic does not exist and {@code missingIsEmpty} is false
     */
    public static List<TopicPartition> partitions(Consumer<?, ?> consumer, String topic, Duration timeout,
            boolean missingIsEmpty) {
        List<PartitionInfo> infos;
        try {
            infos = consumer.partitionsFor(topic, timeout);
        } catch (UnknownTopicOrPartitionException e) {
            infos = List.of();
        }
        if (infos == null || infos.isEmpty()) {
            if (missingIsEmpty) {
                return List.of();
            }
            throw new TopicReadException("topic " + topic + " does not exist", null);
        }
        List<TopicPartition> partitions = new ArrayList<>();
        for (PartitionInfo info : infos) {
            partitions.add(new TopicPartition(topic, info.partition()));
        }
        partitions.sort((a, b) -> Integer.compare(a.partition(), b.partition()));
        return partitions;
    }

    /** Reads every partition from its beginning up to (not including) its end offset, record by record. */
    public static <K, V> void read(Consumer<K, V> consumer, List<TopicPartition> partitions,
            Map<TopicPartition, Long> ends, java.util.function.Consumer<ConsumerRecord<K, V>> handler,
            Duration timeout) {
        read(consumer, partitions, Map.of(), ends, (tp, records) -> records.forEach(handler), timeout);
    }

    /** Reads every partition from its start offset (its beginning when none is given) up to its end offset. */
    public static <K, V> void read(Consumer<K, V> consumer, List<TopicPartition> partitions,
            Map<TopicPartition, Long> starts, Map<TopicPartition, Long> ends, BatchHandler<K, V> handler,
            Duration timeout) {
        read(consumer, partitions, starts, ends, Map.<TopicPartition, List<Skip>>of(), (tp, skip) -> {
        }, handler, timeout);
    }

    /**
     * Reads every partition from its start offset (its beginning when {@code starts} has none for it) up to (not
     * including) its end offset, in offset order, handing over each poll's records partition by partition. The
     * offsets of {@code skips} (ascending and disjoint per partition) are passed over: {@code skipped} is told of
     * each in turn, between the records before it and those after it.
     */
    public static <K, V, S extends Skip> void read(Consumer<K, V> consumer, List<TopicPartition> partitions,
            Map<TopicPartition, Long> starts, Map<TopicPartition, Long> ends, Map<TopicPartition, List<S>> skips,
            BiConsumer<TopicPartition, S> skipped, BatchHandler<K, V> handler, Duration timeout) {
        consumer.assign(partitions);
        consumer.resume(partitions); // a partition read before on this consumer was left paused
        List<TopicPartition> fromBeginning = new ArrayList<>();
        for (TopicPartition tp : partitions) {
            Long start = starts.get(tp);
            if (start == null) {
                fromBeginning.add(tp);
            } else {
                consumer.seek(tp, start);
            }
        }
        if (!fromBeginning.isEmpty()) {
            consumer.seekToBeginning(fromBeginning); // an empty list would mean every assigned partition
        }
        Map<TopicPartition, ArrayDeque<S>> toSkip = new HashMap<>();
        skips.forEach((tp, list) -> toSkip.put(tp, new ArrayDeque<>(list)));
        Set<TopicPartition> pending = new HashSet<>();
        List<TopicPartition> done = new ArrayList<>();
        for (TopicPartition tp : partitions) {
            if (passOver(consumer, tp, toSkip.get(tp), skipped, timeout) < ends.get(tp)) {
                pending.add(tp);
            } else {
                done.add(tp);
            }
        }
        consumer.pause(done);
        long lastProgress = System.nanoTime();
        while (!pending.isEmpty()) {
            ConsumerRecords<K, V> polled = consumer.poll(POLL);
            if (!polled.isEmpty()) {
                lastProgress = System.nanoTime();
            } else if (System.nanoTime() - lastProgress > timeout.toNanos()) {
                throw new TopicReadException("no record of " + pending + " arrived for " + timeout
                        + " while reading up to " + ends, null);
            }
            for (TopicPartition tp : polled.partitions()) {
                if (!pending.contains(tp)) {
                    continue;
                }
                List<ConsumerRecord<K, V>> records = polled.records(tp);
                ArrayDeque<S> next = toSkip.get(tp);
                long end = next == null || next.isEmpty() ? ends.get(tp) : Math.min(ends.get(tp), next.peek().from());
                int below = records.size();
                while (below > 0 && records.get(below - 1).offset() >= end) {
                    below--;
                }
                if (below > 0) {
                    handler.accept(tp, below == records.size() ? records : records.subList(0, below));
                }
            }
            List<TopicPartition> finished = new ArrayList<>();
            for (TopicPartition tp : pending) {
                if (passOver(consumer, tp, toSkip.get(tp), skipped, timeout) >= ends.get(tp)) {
                    finished.add(tp);
                }
            }
            finished.forEach(pending::remove);
            consumer.pause(finished);
        }
    }

    /**
     * The partition's position, after passing over the skips it has reached (seeking to their ends; records
     * fetched beyond a skip's start were not handed over, and those after its end are fetched again).
     */
    private static <S extends Skip> long passOver(Consumer<?, ?> consumer, TopicPartition tp, ArrayDeque<S> next,
            BiConsumer<TopicPartition, S> skipped, Duration timeout) {
        long position = consumer.position(tp, timeout);
        while (next != null && !next.isEmpty() && position >= next.peek().from()) {
            S skip = next.poll();
            skipped.accept(tp, skip);
            if (position != skip.to()) {
                consumer.seek(tp, skip.to());
                position = skip.to();
            }
        }
        return position;
    }
}
