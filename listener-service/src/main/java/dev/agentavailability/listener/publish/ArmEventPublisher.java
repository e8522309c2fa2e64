package dev.agentavailability.listener.publish;

import dev.agentavailability.contract.arm.ArmEvent;
import dev.agentavailability.contract.arm.ArmEventJson;
import dev.agentavailability.kafka.AcknowledgedProducer;
import dev.agentavailability.kafka.KafkaClients;
import dev.agentavailability.listener.ListenerSettings;
import dev.agentavailability.listener.ListenerTopics;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jboss.logging.Logger;

/**
 * Publishes ARM events to the agent-event topic, keyed by ICM agent id (MRD-wide events to every
 * partition), and waits for Kafka's acknowledgement (acks=all, idempotent producer) so that the caller
 * answers only for a stored event.
 */
@Singleton
public class ArmEventPublisher {

    private static final Logger LOG = Logger.getLogger(ArmEventPublisher.class);

    private final String topic;
    private final AcknowledgedProducer producer;

    public ArmEventPublisher(KafkaClients kafka, ListenerTopics topics, ListenerSettings settings) {
        this.topic = topics.agentEvents();
        this.producer = kafka.acknowledgedProducer(ListenerSettings.SOURCE, settings.publishTimeout());
    }

    /**
     * Sends the event and blocks until Kafka has acknowledged it. An event about one agent is one record keyed
     * by the agent; an event about a whole MRD ({@link dev.agentavailability.contract.arm.ArmMessage#isPerAgent()}
     * false) is one record on every partition of the topic, each with its partition set explicitly, so that
     * every partition's readers see it in order with that partition's agents.
     *
     * @return where Kafka stored each record, in partition order for an MRD-wide event
     * @throws PublishFailedException when any record is not acknowledged; for an MRD-wide event some partitions
     *                                may hold it then, and sending the report again is harmless (it states a status)
     */
    public List<Publication> publish(ArmEvent event) {
        String json = ArmEventJson.write(event);
        try {
            List<ProducerRecord<String, String>> records = new ArrayList<>();
            if (event.message().isPerAgent()) {
                records.add(new ProducerRecord<>(topic, event.key(), json));
            } else {
                for (int partition : producer.partitions(topic)) {
                    records.add(new ProducerRecord<>(topic, partition, event.key(), json));
                }
            }
            List<Publication> stored = new ArrayList<>();
            for (RecordMetadata at : producer.sendAll(records)) {
                stored.add(new Publication(at.topic(), at.partition(), at.offset()));
            }
            return stored;
        } catch (AcknowledgedProducer.NotAcknowledged e) {
            throw new PublishFailedException(e.getMessage(), e.getCause(), e.maybeStored());
        }
    }

    @PreDestroy
    void close() {
        try {
            producer.close();
        } catch (RuntimeException e) {
            LOG.warnf("closing the Kafka producer: %s", e.getMessage());
        }
    }
}
