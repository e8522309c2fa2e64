package dev.agentavailability.kafka;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

import dev.agentavailability.contract.topic.Topics;

/**
 * A record that a service could not read or apply, and why: it goes to the dead-letter topic with its original key
 * and value, so that nothing refused is lost and an engineer can see what came in.
 */
public record DeadLetter(String topic, int partition, long offset, String key, String value, String reason) {

    public static DeadLetter of(ConsumerRecord<String, String> record, String reason) {
        return new DeadLetter(record.topic(), record.partition(), record.offset(), record.key(), record.value(),
                reason);
    }

    /** The dead-letter record; the one place its headers are written. A null value (a tombstone) stays null. */
    public ProducerRecord<String, String> toRecord(String deadLetterTopic, String reader) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(Topics.DLQ_REASON_HEADER, bytes(reason));
        headers.add(Topics.DLQ_TOPIC_HEADER, bytes(topic));
        headers.add(Topics.DLQ_PARTITION_HEADER, bytes(Integer.toString(partition)));
        headers.add(Topics.DLQ_OFFSET_HEADER, bytes(Long.toString(offset)));
        headers.add(Topics.DLQ_READER_HEADER, bytes(reader));
        return new ProducerRecord<>(deadLetterTopic, null, key, value, headers);
    }

    /** Where it came from, as logs and Kafka tools write it. */
    public String source() {
        return topic + "-" + partition + "@" + offset;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
