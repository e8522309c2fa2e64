package dev.agentavailability.listener.assignment;

import dev.agentavailability.contract.chat.ChatEvent;
import dev.agentavailability.contract.chat.ChatEventJson;
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
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Publishes OFFERED and ASSIGNMENT_FAILED to the chat-event topic, keyed by entry point id, acks=all. */
@Singleton
public class ChatEventPublisher {

    private final String topic;
    private final Duration timeout;
    private final Producer<String, String> producer;

    public ChatEventPublisher(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap,
            ListenerTopics topics, ListenerSettings settings) {
        this.topic = topics.chatEvents();
        this.timeout = settings.publishTimeout();
        long deliveryMs = Math.max(2_000, timeout.toMillis() / 2);
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.CLIENT_ID_CONFIG, ListenerSettings.SOURCE + "-chat",
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.max(1_000, deliveryMs - 500),
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) deliveryMs,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, deliveryMs), new StringSerializer(), new StringSerializer());
    }

    /** Sends and waits for Kafka's acknowledgement; throws when it does not come. */
    public void publish(ChatEvent event) {
        try {
            producer.send(new ProducerRecord<>(topic, event.key(), ChatEventJson.write(event)))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing " + event.type(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(event.type() + " of chat " + event.chatId() + " not published: "
                    + e.getMessage(), e);
        }
    }

    @PreDestroy
    void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
