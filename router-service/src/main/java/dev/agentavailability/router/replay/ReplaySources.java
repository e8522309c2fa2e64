package dev.agentavailability.router.replay;

import dev.agentavailability.replay.EntryPointEvents;
import dev.agentavailability.replay.TopicReplay;
import dev.agentavailability.router.RouterTopics;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The topics a replay reads, under this router's configured names. */
@ApplicationScoped
public class ReplaySources {

    private final String bootstrapServers;
    private final RouterTopics topics;
    private final Duration timeout;

    ReplaySources(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers, RouterTopics topics,
            @ConfigProperty(name = "availability.replay.timeout", defaultValue = "120s") Duration timeout) {
        this.bootstrapServers = bootstrapServers;
        this.topics = topics;
        this.timeout = timeout;
    }

    public TopicReplay replay() {
        return new TopicReplay(bootstrapServers, topics.agentEvents(), topics.config(), timeout)
                .withSnapshots(topics.projectionSnapshots());
    }

    public EntryPointEvents.Source entryPointSource() {
        return new EntryPointEvents.Source(bootstrapServers, topics.entryPoints(), topics.chatEvents(), timeout);
    }
}
