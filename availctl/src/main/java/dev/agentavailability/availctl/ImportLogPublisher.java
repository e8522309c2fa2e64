package dev.agentavailability.availctl;

import dev.agentavailability.contract.arm.ArmEvent;
import dev.agentavailability.contract.arm.ArmEventJson;
import dev.agentavailability.kafka.KafkaClients;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes {@code import-log}'s events to an existing topic: one idempotent producer ({@code acks=all}, at most 5
 * requests in flight, so records keep their send order), each event keyed by {@link ArmEvent#key()} with
 * {@link ArmEventJson} as value; an MRD-wide event ({@code isPerAgent()} false) is one record on every partition,
 * each with its partition set explicitly, as the listener does. The Kafka record timestamp is the publishing time
 * (an old CreateTime would let time-based retention delete the records at once); the original time is the
 * event's {@code occurredAt}.
 */
final class ImportLogPublisher implements AutoCloseable {

    /** How long to wait for Kafka's answers (topic description, acknowledgements). */
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static final String SLF4J_VERBOSITY = "slf4j.internal.verbosity";

    /** An event to publish and where it came from ({@code app.log line 6}), for messages. */
    record Item(ArmEvent event, String origin) {
    }

    private final String bootstrapServers;
    private final String topic;
    private final List<Integer> partitions;
    private final Producer<String, String> producer;

    private ImportLogPublisher(String bootstrapServers, String topic, List<Integer> partitions,
            Producer<String, String> producer) {
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
        this.partitions = partitions;
        this.producer = producer;
    }

    /**
     * Checks that the topic exists (never creating it) and opens the producer.
     *
     * @throws CliFailure exit code 1 when Kafka does not answer or the topic does not exist
     */
    static ImportLogPublisher connect(KafkaClients kafka, String topic) throws CliFailure {
        String bootstrapServers = kafka.bootstrapServers();
        // kafka-clients logs through SLF4J, which has no provider here: keep its warning off the operator's stderr
        if (System.getProperty(SLF4J_VERBOSITY) == null) {
            System.setProperty(SLF4J_VERBOSITY, "ERROR");
        }
        List<Integer> partitions = partitions(kafka, topic);
        try {
            // a bulk load: batched a little (linger 5 ms), in order per partition (idempotent, 5 in flight)
            return new ImportLogPublisher(bootstrapServers, topic, partitions, kafka.producer("availctl-import-log",
                    Map.of(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5,
                            ProducerConfig.LINGER_MS_CONFIG, 5,
                            ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis(),
                            ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis() * 3,
                            ProducerConfig.MAX_BLOCK_MS_CONFIG, TIMEOUT.toMillis()),
                    new StringSerializer(), new StringSerializer()));
        } catch (KafkaException refused) {
            throw CliFailure.failure("cannot connect to Kafka at " + bootstrapServers + ": " + refused.getMessage());
        }
    }

    /**
     * Sends every event in order and waits for all acknowledgements.
     *
     * @return the number of records written (an MRD-wide event counts once per partition)
     * @throws CliFailure exit code 1 when Kafka does not take a record
     */
    int publish(List<Item> items) throws CliFailure {
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        List<Item> sentItems = new ArrayList<>();
        try {
            for (Item item : items) {
                String json = ArmEventJson.write(item.event());
                String key = item.event().key();
                if (item.event().message().isPerAgent()) {
                    sent.add(producer.send(new ProducerRecord<>(topic, key, json)));
                    sentItems.add(item);
                } else {
                    for (int partition : partitions) {
                        sent.add(producer.send(new ProducerRecord<>(topic, partition, key, json)));
                        sentItems.add(item);
                    }
                }
            }
            producer.flush();
        } catch (KafkaException refused) {
            throw CliFailure.failure("Kafka at " + bootstrapServers + " did not take the events for " + topic + ": "
                    + refused.getMessage() + " (" + acknowledged(sent) + " of " + items.size()
                    + " frames' records acknowledged)");
        }
        for (int i = 0; i < sent.size(); i++) {
            try {
                sent.get(i).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException refused) {
                throw CliFailure.failure("Kafka refused the record of " + sentItems.get(i).origin() + " for " + topic
                        + ": " + refused.getCause().getMessage() + " (" + acknowledged(sent) + " of " + sent.size()
                        + " records acknowledged)");
            } catch (TimeoutException slow) {
                throw CliFailure.failure("Kafka at " + bootstrapServers + " did not acknowledge the record of "
                        + sentItems.get(i).origin() + " within " + TIMEOUT.toSeconds() + " s");
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw CliFailure.failure("interrupted while waiting for Kafka");
            }
        }
        return sent.size();
    }

    @Override
    public void close() {
        try {
            producer.close(Duration.ofSeconds(5));
        } catch (RuntimeException ignored) {
            // every record was acknowledged or reported already
        }
    }

    private static long acknowledged(List<Future<RecordMetadata>> sent) {
        return sent.stream().filter(f -> f.isDone() && !f.isCancelled() && succeeded(f)).count();
    }

    private static boolean succeeded(Future<RecordMetadata> future) {
        try {
            future.get(0, TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException | TimeoutException | InterruptedException | RuntimeException failed) {
            if (failed instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return false;
        }
    }

    /** The topic's partition numbers, ascending, from the brokers' own description of it. */
    private static List<Integer> partitions(KafkaClients kafka, String topic) throws CliFailure {
        String bootstrapServers = kafka.bootstrapServers();
        Admin admin;
        try {
            admin = kafka.admin("availctl-import-log", TIMEOUT);
        } catch (KafkaException refused) {
            throw CliFailure.failure("cannot connect to Kafka at " + bootstrapServers + ": " + refused.getMessage());
        }
        try {
            TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).get(topic);
            List<Integer> partitions = new ArrayList<>();
            for (TopicPartitionInfo partition : description.partitions()) {
                partitions.add(partition.partition());
            }
            partitions.sort(null);
            if (partitions.isEmpty()) {
                throw CliFailure.failure("topic " + topic + " at " + bootstrapServers + " has no partitions");
            }
            return partitions;
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof UnknownTopicOrPartitionException) {
                throw CliFailure.failure("topic " + topic + " does not exist at " + bootstrapServers
                        + " (import-log never creates topics: create it first)");
            }
            if (failed.getCause() instanceof org.apache.kafka.common.errors.TimeoutException) {
                throw unreachable(bootstrapServers);
            }
            throw CliFailure.failure("cannot describe topic " + topic + " at " + bootstrapServers + ": "
                    + failed.getCause().getMessage());
        } catch (TimeoutException slow) {
            throw unreachable(bootstrapServers);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw CliFailure.failure("interrupted while asking Kafka about topic " + topic);
        } finally {
            admin.close(Duration.ofSeconds(2));
        }
    }

    private static CliFailure unreachable(String bootstrapServers) {
        return CliFailure.failure("Kafka at " + bootstrapServers + " is not reachable (no answer within "
                + TIMEOUT.toSeconds() + " s)");
    }
}
