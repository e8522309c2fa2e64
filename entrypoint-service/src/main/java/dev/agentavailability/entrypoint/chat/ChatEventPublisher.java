package dev.agentavailability.entrypoint.chat;

import dev.agentavailability.contract.chat.ChatEvent;
import dev.agentavailability.contract.chat.ChatEventJson;
import dev.agentavailability.kafka.AcknowledgedProducer;
import dev.agentavailability.kafka.KafkaClients;
import dev.agentavailability.rest.Problem;
import dev.agentavailability.rest.ProblemException;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/** Publishes chat events (key = entry point id) and waits for Kafka's acknowledgement (acks=all, idempotent). */
@ApplicationScoped
public class ChatEventPublisher {

    private static final Logger LOG = Logger.getLogger(ChatEventPublisher.class);

    private final KafkaClients kafka;
    private final String topic;
    private final Duration timeout;

    ChatEventPublisher(KafkaClients kafka, @ConfigProperty(name = "chat.topic") String topic,
            @ConfigProperty(name = "chat.publish-timeout", defaultValue = "10s") Duration timeout) {
        this.kafka = kafka;
        this.topic = topic;
        this.timeout = timeout;
    }

    private AcknowledgedProducer producer;

    @PostConstruct
    void open() {
        producer = kafka.acknowledgedProducer("entrypoint-chat-events", timeout);
    }

    void close(@Observes ShutdownEvent event) {
        if (producer != null) {
            producer.close();
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
        try {
            return producer.send(topic, event.key(), ChatEventJson.write(event));
        } catch (AcknowledgedProducer.NotAcknowledged e) {
            LOG.warnf("chat event %s of chat %s not acknowledged: %s", event.type(), event.chatId(), e.getCause());
            throw unavailable(event, e.getCause());
        }
    }

    private static ProblemException unavailable(ChatEvent event, Throwable cause) {
        return new ProblemException(Problem.of(Response.Status.SERVICE_UNAVAILABLE,
                "the chat event could not be stored (" + cause.getClass().getSimpleName() + "); try again")
                .with("entryPointId", event.entryPointId()));
    }
}
