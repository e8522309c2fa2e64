package dev.agentavailability.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.serialization.StringSerializer;

import dev.agentavailability.kafka.KafkaClients;
import dev.agentavailability.kafka.TopicReader;

/**
 * Plain Kafka access for tests: a String producer ({@code acks=all}) and a reader of a topic's whole content.
 *
 * <pre>{@code
 * try (TestKafka kafka = TestKafka.connect()) {
 *     kafka.send("agent-events", "agent-1", "{...}");
 *     await().until(() -> kafka.readAll("agent-state").size() == 1);
 * }
 * }</pre>
 */
public final class TestKafka implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String bootstrapServers;
    private final KafkaProducer<String, String> producer;

    private TestKafka(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        this.producer = producer(bootstrapServers);
    }

    /** A helper for the given broker; close it to close its producer. */
    public static TestKafka connect(String bootstrapServers) {
        return new TestKafka(bootstrapServers);
    }

    /** A helper for the JVM-wide test broker ({@link TestInfrastructure}). */
    public static TestKafka connect() {
        return new TestKafka(TestInfrastructure.get().bootstrapServers());
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Sends and waits for the acknowledgement (acks=all). */
    public RecordMetadata send(String topic, String key, String value) {
        return send(topic, key, value, Map.of());
    }

    /** Sends with String headers (UTF-8) and waits for the acknowledgement (acks=all). */
    public RecordMetadata send(String topic, String key, String value, Map<String, String> headers) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        headers.forEach((name, headerValue) -> record.headers().add(name,
                headerValue == null ? null : headerValue.getBytes(StandardCharsets.UTF_8)));
        try {
            return producer.send(record).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not send to " + topic, e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Sending to " + topic + " timed out after " + TIMEOUT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while sending to " + topic, e);
        }
    }

    /** The underlying producer (owned by this helper: do not close it). */
    public KafkaProducer<String, String> producer() {
        return producer;
    }

    /** {@link #readAll(String, String)} on this helper's broker. */
    public List<ConsumerRecord<String, String>> readAll(String topic) {
        return readAll(bootstrapServers, topic);
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }

    /** A new String producer: {@code acks=all}, idempotent, no batching delay. The caller closes it. */
    public static KafkaProducer<String, String> producer(String bootstrapServers) {
        return KafkaClients.bootstrap(bootstrapServers).producer("test-kafka-producer", Map.of(
                ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) TIMEOUT.toMillis()), new StringSerializer(),
                new StringSerializer());
    }

    /**
     * Everything in {@code topic} from the beginning up to the end offsets at the time of the call, ordered by
     * partition then offset. Uses a fresh consumer with assigned partitions: no consumer group, no commits.
     * Reads committed records only ({@code isolation.level=read_committed}: records of open or aborted
     * transactions are left out). A topic that does not exist reads as empty.
     */
    public static List<ConsumerRecord<String, String>> readAll(String bootstrapServers, String topic) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        KafkaClients reader = KafkaClients.bootstrap(bootstrapServers)
                .with(ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString());
        TopicReader.readToEnd(reader, "test-kafka-reader", topic, TIMEOUT, true, records::add);
        records.sort(Comparator.<ConsumerRecord<String, String>>comparingInt(ConsumerRecord::partition)
                .thenComparingLong(ConsumerRecord::offset));
        return records;
    }
}
