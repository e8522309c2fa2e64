package dev.agentavailability.entrypoint.management;

import dev.agentavailability.contract.entrypoint.EntryPointEvent;
import dev.agentavailability.contract.entrypoint.EntryPointEventJson;
import dev.agentavailability.contract.topic.TopicSpec;
import dev.agentavailability.contract.topic.Topics;
import dev.agentavailability.entrypoint.EntryPointTopics;
import dev.agentavailability.kafka.AcknowledgedProducer;
import dev.agentavailability.kafka.KafkaClients;
import dev.agentavailability.kafka.TopicAdmin;
import dev.agentavailability.rest.Problem;
import dev.agentavailability.rest.ProblemException;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Writes every change of an entry point to the entry-point topic and waits for Kafka's acknowledgement, so that the
 * topic holds the history of the settings a replay needs ("what did 1001 answer at 14:03:22, and why?").
 */
@ApplicationScoped
public class EntryPointHistory {

    private static final Logger LOG = Logger.getLogger(EntryPointHistory.class);

    private final KafkaClients kafka;
    private final String topic;
    private final Duration timeout;
    /** This instance, so that it can pass over its own changes when they come back from the topic. */
    private final String instanceId;

    EntryPointHistory(KafkaClients kafka, EntryPointTopics topics,
            @ConfigProperty(name = "chat.publish-timeout", defaultValue = "10s") Duration timeout,
            @ConfigProperty(name = "quarkus.uuid") String instanceId) {
        this.kafka = kafka;
        this.topic = topics.entryPoints();
        this.timeout = timeout;
        this.instanceId = instanceId;
    }

    /** Header naming the instance that wrote an entry-point record. */
    public static final String INSTANCE_HEADER = "entrypoint-instance";

    private AcknowledgedProducer producer;

    @PostConstruct
    void open() {
        // the entry point service is the topic's only writer: it creates it with the catalogue's settings
        TopicSpec spec = Topics.all(1).stream().filter(t -> t.name().equals(Topics.ENTRY_POINTS)).findFirst()
                .orElseThrow();
        TopicAdmin.ensure(kafka, List.of(new TopicSpec(topic, spec.partitions(), spec.configs())));
        producer = kafka.acknowledgedProducer("entrypoint-settings-history", timeout);
    }

    void close(@Observes ShutdownEvent event) {
        if (producer != null) {
            producer.close();
        }
    }

    public String topic() {
        return topic;
    }

    public String instanceId() {
        return instanceId;
    }

    public KafkaClients kafka() {
        return kafka;
    }

    /**
     * Sends and waits for the acknowledgement.
     *
     * @throws ProblemException 503 when Kafka does not acknowledge in time (the caller's transaction then rolls back)
     */
    public void publish(EntryPointEvent event) {
        try {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, event.key(),
                    EntryPointEventJson.write(event));
            record.headers().add(INSTANCE_HEADER, instanceId.getBytes(StandardCharsets.UTF_8));
            producer.send(record);
        } catch (AcknowledgedProducer.NotAcknowledged e) {
            LOG.warnf("entry point %d: %s not acknowledged: %s", event.entryPointId(), event.type(), e.getCause());
            throw unavailable(event, e.getCause());
        }
    }

    private static ProblemException unavailable(EntryPointEvent event, Throwable cause) {
        return new ProblemException(Problem.of(Response.Status.SERVICE_UNAVAILABLE,
                "the entry point change could not be recorded on Kafka (" + cause.getClass().getSimpleName()
                        + "); nothing was changed, try again")
                .with("entryPointId", event.entryPointId()));
    }
}
