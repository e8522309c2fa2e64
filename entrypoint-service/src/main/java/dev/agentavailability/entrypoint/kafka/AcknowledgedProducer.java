package dev.agentavailability.entrypoint.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A producer whose send returns only once Kafka has the record (acks=all, idempotent, no linger): the entry point
 * service answers a request only after its event is stored, and fails it when that cannot be done in time.
 */
public final class AcknowledgedProducer implements AutoCloseable {

    /** Kafka did not acknowledge the record in time; the cause says why. */
    public static final class NotAcknowledged extends Exception {
        private static final long serialVersionUID = 1L;

        NotAcknowledged(Throwable cause) {
            super(cause);
        }
    }

    private final KafkaProducer<String, String> producer;
    private final Duration timeout;

    /** @param kafkaConfig the application's Kafka settings (non-producer keys are ignored) */
    public AcknowledgedProducer(Map<String, Object> kafkaConfig, String clientId, Duration timeout) {
        this.timeout = timeout;
        Map<String, Object> config = new HashMap<>();
        kafkaConfig.forEach((k, v) -> {
            if (ProducerConfig.configNames().contains(k)) {
                config.put(k, v);
            }
        });
        config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) timeout.toMillis());
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) Math.max(timeout.toMillis(), 5000));
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(timeout.toMillis(), 5000));
        producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    public RecordMetadata send(String topic, String key, String value) throws NotAcknowledged {
        return send(new ProducerRecord<>(topic, key, value));
    }

    public RecordMetadata send(ProducerRecord<String, String> record) throws NotAcknowledged {
        try {
            return producer.send(record)
                    .get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new NotAcknowledged(e.getCause());
        } catch (TimeoutException | RuntimeException e) {
            throw new NotAcknowledged(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotAcknowledged(e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
