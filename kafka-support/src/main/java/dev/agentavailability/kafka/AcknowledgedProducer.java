package dev.agentavailability.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.errors.RetriableException;

/**
 * A producer whose sends return only once Kafka has stored the records (acks=all, idempotent, no linger): a service
 * answers a request only for an event that is stored, and fails the request when that cannot be done in time. Made
 * by {@link KafkaClients#acknowledgedProducer}.
 */
public final class AcknowledgedProducer implements AutoCloseable {

    /** Kafka did not acknowledge a record in time; the record may or may not be stored. The message says why. */
    public static final class NotAcknowledged extends Exception {
        private static final long serialVersionUID = 1L;
        private final boolean maybeStored;

        NotAcknowledged(String message, Throwable cause) {
            this(message, cause, true);
        }

        NotAcknowledged(String message, Throwable cause, boolean maybeStored) {
            super(message, cause);
            this.maybeStored = maybeStored;
        }

        /**
         * Whether the record may be on the topic all the same: after a timeout or a retriable error the broker
         * may have written it and the answer been lost; a record Kafka never took or refused for good is not.
         */
        public boolean maybeStored() {
            return maybeStored;
        }
    }

    private final Producer<String, String> producer;
    private final Duration wait;

    AcknowledgedProducer(Producer<String, String> producer, Duration wait) {
        this.producer = producer;
        this.wait = wait;
    }

    public RecordMetadata send(String topic, String key, String value) throws NotAcknowledged {
        return send(new ProducerRecord<>(topic, key, value));
    }

    public RecordMetadata send(ProducerRecord<String, String> record) throws NotAcknowledged {
        return sendAll(List.of(record)).get(0);
    }

    /**
     * Sends every record, then waits for all acknowledgements within one wait.
     *
     * @return where Kafka stored each record, in the order given
     * @throws NotAcknowledged when any record is not acknowledged; the others may be stored then
     */
    public List<RecordMetadata> sendAll(List<ProducerRecord<String, String>> records) throws NotAcknowledged {
        long deadline = System.nanoTime() + wait.toNanos();
        try {
            List<Future<RecordMetadata>> sent = new ArrayList<>(records.size());
            for (ProducerRecord<String, String> record : records) {
                sent.add(producer.send(record));
            }
            List<RecordMetadata> stored = new ArrayList<>(sent.size());
            for (Future<RecordMetadata> record : sent) {
                stored.add(record.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
            }
            return stored;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotAcknowledged("interrupted while waiting for Kafka", e);
        } catch (ExecutionException e) {
            throw new NotAcknowledged("Kafka refused the record: " + e.getCause().getMessage(), e.getCause(),
                    e.getCause() instanceof RetriableException);
        } catch (TimeoutException e) {
            throw new NotAcknowledged("Kafka did not acknowledge the record within " + wait, e);
        } catch (RuntimeException e) {
            // send() throws when the topic's metadata cannot be fetched in max.block.ms
            throw new NotAcknowledged("Kafka did not take the record: " + e.getMessage(), e, false);
        }
    }

    /** The topic's partition numbers in ascending order, as the producer's metadata knows them. */
    public List<Integer> partitions(String topic) throws NotAcknowledged {
        try {
            List<PartitionInfo> infos = producer.partitionsFor(topic);
            if (infos == null || infos.isEmpty()) {
                throw new NotAcknowledged("topic " + topic + " has no partitions", null);
            }
            return infos.stream().map(PartitionInfo::partition).sorted().toList();
        } catch (RuntimeException e) {
            throw new NotAcknowledged("Kafka did not give the partitions of " + topic + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
