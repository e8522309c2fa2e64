package dev.agentavailability.availctl;

import dev.agentavailability.contract.topic.Topics;
import dev.agentavailability.kafka.KafkaClients;
import dev.agentavailability.replay.TopicReplay;
import java.time.Duration;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code --bootstrap-servers} and {@code --command-config} ({@link KafkaConnection}), {@code --topic},
 * {@code --config-topic}, {@code --snapshot-topic}/{@code --no-snapshots} and {@code --timeout}, for the commands
 * that replay the topics.
 */
public final class KafkaOptions {

    @Mixin
    KafkaConnection connection;

    @Option(names = "--topic", paramLabel = "TOPIC", defaultValue = Topics.AGENT_EVENTS,
            description = "Agent-event topic (default: ${DEFAULT-VALUE}).")
    String topic;

    @Option(names = "--config-topic", paramLabel = "TOPIC", defaultValue = Topics.CONFIG,
            description = "Config topic (default: ${DEFAULT-VALUE}).")
    String configTopic;

    @Option(names = "--snapshot-topic", paramLabel = "TOPIC", defaultValue = Topics.PROJECTION_SNAPSHOTS,
            description = "Snapshot topic: a replay starts each partition from the newest snapshot the router wrote "
                    + "before the instant (default: ${DEFAULT-VALUE}; a missing topic means from the beginning).")
    String snapshotTopic;

    @Option(names = "--no-snapshots",
            description = "Read every partition from its beginning, without snapshots (slower, the same result).")
    boolean noSnapshots;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "Give up when Kafka does not answer or reading takes longer (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    public String topic() {
        return topic;
    }

    public String configTopic() {
        return configTopic;
    }

    /** The clients to make, from {@code --bootstrap-servers} and {@code --command-config}. */
    public KafkaClients clients() throws CliFailure {
        return connection.clients();
    }

    public Duration timeout() {
        return Duration.ofSeconds(Math.max(timeoutSeconds, 1));
    }

    /** A replay of the topics these options name; a timeout that is not positive is bad input. */
    public TopicReplay replay() throws CliFailure {
        if (timeoutSeconds <= 0) {
            throw CliFailure.badInput("--timeout must be positive, got " + timeoutSeconds);
        }
        return new TopicReplay(clients(), topic, configTopic, Duration.ofSeconds(timeoutSeconds))
                .withSnapshots(noSnapshots ? null : snapshotTopic);
    }
}
