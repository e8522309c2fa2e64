package dev.agentavailability.router.replay;

import dev.agentavailability.kafka.KafkaClients;
import dev.agentavailability.replay.EntryPointEvents;
import dev.agentavailability.replay.TopicReplay;
import dev.agentavailability.router.RouterTopics;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The topics a replay reads, under this router's configured names. */
@ApplicationScoped
public class ReplaySources {

    private final KafkaClients kafka;
    private final RouterTopics topics;
    private final Duration timeout;

    ReplaySources(KafkaClients kafka, RouterTopics topics,
            @ConfigProperty(name = "availability.replay.timeout", defaultValue = "120s") Duration timeout) {
        this.kafka = kafka;
        this.topics = topics;
        this.timeout = timeout;
    }

    public TopicReplay replay() {
        return new TopicReplay(kafka, topics.agentEvents(), topics.config(), timeout)
                .withSnapshots(topics.projectionSnapshots());
    }

    public EntryPointEvents.Source entryPointSource() {
        return new EntryPointEvents.Source(kafka, topics.entryPoints(), topics.chatEvents(), timeout);
    }
}
