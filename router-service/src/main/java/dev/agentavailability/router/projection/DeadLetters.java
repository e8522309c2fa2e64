package dev.agentavailability.router.projection;

import dev.agentavailability.contract.topic.Topics;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Sends unreadable agent-event records to the dead-letter topic with the reason and where they came from. */
@ApplicationScoped
public class DeadLetters {

    /** One record that could not be read. */
    public record DeadLetter(String topic, int partition, long offset, String key, String value, String reason) {
    }

    private final MutinyEmitter<String> emitter;

    public DeadLetters(@Channel("dead-letters") MutinyEmitter<String> emitter) {
        this.emitter = emitter;
    }

    /** Returns once Kafka has every dead letter; only then may the projection move past them. */
    public void send(List<DeadLetter> letters) {
        if (letters.isEmpty()) {
            return;
        }
        List<Uni<Void>> sends = letters.stream().map(this::send).toList();
        Uni.join().all(sends).andFailFast().await().atMost(Duration.ofSeconds(60));
    }

    private Uni<Void> send(DeadLetter letter) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(Topics.DLQ_REASON_HEADER, bytes(letter.reason()));
        headers.add(Topics.DLQ_TOPIC_HEADER, bytes(letter.topic()));
        headers.add(Topics.DLQ_PARTITION_HEADER, bytes(Integer.toString(letter.partition())));
        headers.add(Topics.DLQ_OFFSET_HEADER, bytes(Long.toString(letter.offset())));
        Message<String> message = Message.of(letter.value() == null ? "" : letter.value())
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(letter.key()).withHeaders(headers).build());
        return emitter.sendMessage(message);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
