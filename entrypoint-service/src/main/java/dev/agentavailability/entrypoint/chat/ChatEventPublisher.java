package dev.agentavailability.entrypoint.chat;

import dev.agentavailability.contract.chat.ChatEvent;
import dev.agentavailability.contract.chat.ChatEventJson;
import dev.agentavailability.rest.Problem;
import dev.agentavailability.rest.ProblemException;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
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
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/** Publishes chat events (key = entry point id) and waits for Kafka's acknowledgement (acks=all, idempotent). */
@ApplicationScoped
public class ChatEventPublisher {

    private static final Logger LOG = Logger.getLogger(ChatEventPublisher.class);

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    @ConfigProperty(name = "chat.topic")
    String topic;

    @ConfigProperty(name = "chat.publish-timeout", defaultValue = "10s")
    Duration timeout;

    private KafkaProducer<String, String> producer;

    @PostConstruct
    void open() {
        Map<String, Object> config = new HashMap<>();
        kafkaConfig.forEach((k, v) -> {
            if (ProducerConfig.configNames().contains(k)) {
                config.put(k, v);
            }
        });
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "entrypoint-chat-events");
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) timeout.toMillis());
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) Math.max(timeout.toMillis(), 5000));
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(timeout.toMillis(), 5000));
        producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    void close(@Observes ShutdownEvent event) {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    public String topic() {
        return topic;
    }

    /**
     * Sends and waits for the acknowledgement.
     *
     * @throws ProblemException 503 when Kafka does not acknowledge in time
     */
    public RecordMetadata publish(ChatEvent event) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, event.key(), ChatEventJson.write(event));
        try {
            return producer.send(record).get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            LOG.warnf("chat event %s of chat %s not acknowledged: %s", event.type(), event.chatId(), cause);
            throw unavailable(event, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(event, e);
        }
    }

    private static ProblemException unavailable(ChatEvent event, Throwable cause) {
        return new ProblemException(Problem.of(Response.Status.SERVICE_UNAVAILABLE,
                "the chat event could not be stored (" + cause.getClass().getSimpleName() + "); try again")
                .with("entryPointId", event.entryPointId()));
    }
}
