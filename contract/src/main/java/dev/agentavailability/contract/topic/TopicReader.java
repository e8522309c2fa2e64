package dev.agentavailability.contract.topic;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a whole topic, from its beginning to the end offsets it had when the read started, with its own consumer:
 * no group id, nothing committed, so no live consumer notices. For small topics read at startup or by a replay
 * (entry point settings, chat events).
 */
public final class TopicReader {

    /** The topic does not exist, or Kafka did not answer within the timeout. */
    public static final class TopicReadException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public TopicReadException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private TopicReader() {
    }

    /**
     * Hands every record below the end offsets to {@code handler}, partition by partition in offset order.
     *
     * @param missingIsEmpty whether a topic that does not exist reads as empty instead of failing
     */
    public static void readToEnd(String bootstrapServers, String topic, Duration timeout, boolean missingIsEmpty,
            Consumer<ConsumerRecord<String, String>> handler) {
        try (KafkaConsumer<String, String> consumer = consumer(bootstrapServers, timeout)) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
            if (infos == null || infos.isEmpty()) {
                if (missingIsEmpty) {
                    return;
                }
                throw new TopicReadException("topic " + topic + " does not exist at " + bootstrapServers, null);
            }
            List<TopicPartition> partitions = new ArrayList<>();
            infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, timeout);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Set<TopicPartition> pending = new HashSet<>();
            for (TopicPartition tp : partitions) {
                if (consumer.position(tp, timeout) < ends.get(tp)) {
                    pending.add(tp);
                }
            }
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!pending.isEmpty()) {
                if (System.nanoTime() - deadline > 0) {
                    throw new TopicReadException("reading " + topic + " to " + ends + " took longer than " + timeout,
                            null);
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    TopicPartition tp = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() < ends.get(tp)) {
                        handler.accept(record);
                    }
                }
                pending.removeIf(tp -> consumer.position(tp, timeout) >= ends.get(tp));
            }
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            throw new TopicReadException("Kafka at " + bootstrapServers + " did not answer within " + timeout
                    + " while reading " + topic, e);
        } catch (org.apache.kafka.common.KafkaException e) {
            throw new TopicReadException("reading " + topic + " from " + bootstrapServers + " failed: "
                    + e.getMessage(), e);
        }
    }

    private static KafkaConsumer<String, String> consumer(String bootstrapServers, Duration timeout) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "topic-reader");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        config.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(timeout.toMillis(), 30_000));
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }
}
