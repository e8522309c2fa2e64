package dev.agentavailability.testsupport;

import dev.agentavailability.contract.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.awaitility.Awaitility;

/** Finds what a service put on the dead-letter topic. */
public final class DeadLetterRecords {

    private DeadLetterRecords() {
    }

    /**
     * Awaits, for at most 30 s, the dead letter of the record from {@code sourceTopic} whose original value is exactly
     * {@code originalValue}, and returns it.
     */
    public static ConsumerRecord<String, String> await(String bootstrap, String sourceTopic, String originalValue) {
        AtomicReference<ConsumerRecord<String, String>> found = new AtomicReference<>();
        Awaitility.await("dead letter of " + originalValue + " from " + sourceTopic).atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250)).until(() -> {
                    TestKafka.readAll(bootstrap, Topics.DEAD_LETTERS).stream()
                            .filter(r -> sourceTopic.equals(header(r, Topics.DLQ_TOPIC_HEADER)))
                            .filter(r -> originalValue.equals(r.value())).findFirst().ifPresent(found::set);
                    return found.get() != null;
                });
        return found.get();
    }

    /** A header's value as text, or null when the record has none of that name. */
    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
