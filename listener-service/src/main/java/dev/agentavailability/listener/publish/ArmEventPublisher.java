package dev.agentavailability.listener.publish;

import dev.agentavailability.contract.arm.ArmEvent;
import dev.agentavailability.contract.arm.ArmEventJson;
import dev.agentavailability.listener.ListenerSettings;
import dev.agentavailability.listener.ListenerTopics;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Publishes ARM events to the agent-event topic, keyed by ICM agent id, and waits for Kafka's
 * acknowledgement (acks=all, idempotent producer) so that the caller answers only for a stored event.
 */
@Singleton
public class ArmEventPublisher {

    private static final Logger LOG = Logger.getLogger(ArmEventPublisher.class);

    private final String topic;
    private final Duration timeout;
    private final Producer<String, String> producer;

    public ArmEventPublisher(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap,
            ListenerTopics topics, ListenerSettings settings) {
        this.topic = topics.agentEvents();
        this.timeout = settings.publishTimeout();
        this.producer = new KafkaProducer<>(producerConfig(bootstrap, timeout), new StringSerializer(),
                new StringSerializer());
    }

    static Map<String, Object> producerConfig(String bootstrap, Duration timeout) {
        // Kafka gives up on a record well before the caller stops waiting, so that the caller nearly always
        // learns the outcome: delivery.timeout.ms >= request.timeout.ms + linger.ms, both under the wait.
        long deliveryMs = Math.max(2_000, timeout.toMillis() / 2);
        return Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.CLIENT_ID_CONFIG, ListenerSettings.SOURCE,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.max(1_000, deliveryMs - 500),
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) deliveryMs,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, deliveryMs);
    }

    /** Sends the event and blocks until Kafka has acknowledged it. */
    public Publication publish(ArmEvent event) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, event.key(), ArmEventJson.write(event));
        try {
            RecordMetadata stored = producer.send(record).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return new Publication(stored.topic(), stored.partition(), stored.offset());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishFailedException("interrupted while waiting for Kafka", e);
        } catch (ExecutionException e) {
            throw new PublishFailedException("Kafka refused the event: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new PublishFailedException("Kafka did not acknowledge the event within " + timeout, e);
        } catch (RuntimeException e) {
            // send() itself throws when the topic's metadata cannot be fetched in max.block.ms.
            throw new PublishFailedException("Kafka did not take the event: " + e.getMessage(), e);
        }
    }

    @PreDestroy
    void close() {
        try {
            producer.close(Duration.ofSeconds(5));
        } catch (RuntimeException e) {
            LOG.warnf("closing the Kafka producer: %s", e.getMessage());
        }
    }
}
