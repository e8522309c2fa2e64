package dev.agentavailability.router.config;

import dev.agentavailability.contract.config.ConfigEvent;
import dev.agentavailability.contract.config.ConfigEventJson;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Publishes config changes to the config topic and waits until this instance has read them back, so
 * that the topic stays the one source of truth and a replay sees the config of its time.
 */
@ApplicationScoped
public class ConfigPublisher {

    private static final Duration READ_BACK = Duration.ofSeconds(30);

    private final MutinyEmitter<String> emitter;
    private final ConfigState state;

    public ConfigPublisher(@Channel("config-out") MutinyEmitter<String> emitter, ConfigState state) {
        this.emitter = emitter;
        this.state = state;
    }

    /** Sends the events in order; answers once Kafka has them all and this instance has applied the last. */
    public void publish(List<ConfigEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        for (ConfigEvent event : events) {
            Message<String> message = Message.of(ConfigEventJson.write(event))
                    .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(event.key()).build());
            emitter.sendMessage(message).onFailure().transform(ConfigUnavailable::new)
                    .await().atMost(READ_BACK);
        }
        try {
            if (!state.awaitApplied(events.get(events.size() - 1).eventId(), READ_BACK)) {
                throw new ConfigUnavailable(new IllegalStateException(
                        "the config change is on the topic but this instance has not read it back within " + READ_BACK));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConfigUnavailable(e);
        }
    }

    /** Kafka did not take the change, or it did not come back in time. */
    public static final class ConfigUnavailable extends RuntimeException {
        ConfigUnavailable(Throwable cause) {
            super(cause.getMessage(), cause);
        }
    }
}
