package dev.agentavailability.listener.publish;

import dev.agentavailability.contract.arm.ArmEvent;
import dev.agentavailability.contract.arm.ArmEventJson;
import dev.agentavailability.listener.ListenerSettings;
import dev.agentavailability.listener.ListenerTopics;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
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
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            if (event.message().isPerAgent()) {
                sent.add(producer.send(new ProducerRecord<>(topic, event.key(), json)));
            } else {
                for (int partition : partitions()) {
                    sent.add(producer.send(new ProducerRecord<>(topic, partition, event.key(), json)));
                }
            }
            List<Publication> stored = new ArrayList<>();
            for (Future<RecordMetadata> record : sent) {
                long left = Math.max(0, deadline - System.nanoTime());
                RecordMetadata at = record.get(left, TimeUnit.NANOSECONDS);
                stored.add(new Publication(at.topic(), at.partition(), at.offset()));
            }
            return stored;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishFailedException("interrupted while waiting for Kafka", e);
        } catch (ExecutionException e) {
            throw new PublishFailedException("Kafka refused the event: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new PublishFailedException("Kafka did not acknowledge the event within " + timeout, e);
        } catch (RuntimeException e) {
            // send() and partitionsFor() throw when the topic's metadata cannot be fetched in max.block.ms.
            throw new PublishFailedException("Kafka did not take the event: " + e.getMessage(), e);
        }
    }

    /** The topic's partition numbers, as the producer's metadata knows them. */
    private List<Integer> partitions() {
        List<PartitionInfo> infos = producer.partitionsFor(topic);
        if (infos == null || infos.isEmpty()) {
            throw new IllegalStateException("topic " + topic + " has no partitions");
        }
        return infos.stream().map(PartitionInfo::partition).sorted().toList();
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
