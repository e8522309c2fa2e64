package dev.agentavailability.listener;

import dev.agentavailability.contract.topic.TopicSpec;
import dev.agentavailability.contract.topic.Topics;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.util.List;
import java.util.Map;

/** The topic names, from configuration (the same keys every service reads), with the catalogue's defaults. */
@ConfigMapping(prefix = "availability.topics")
public interface ListenerTopics {

    @WithName("agent-events")
    @WithDefault(Topics.AGENT_EVENTS)
    String agentEvents();

    @WithDefault(Topics.CONFIG)
    String config();

    /** Where refused records go; {@link dev.agentavailability.kafka.cdi.DeadLetters} reads the same key. */
    @WithName("dead-letters")
    @WithDefault(Topics.DEAD_LETTERS)
    String deadLetters();

    @WithName("chat-events")
    @WithDefault(Topics.CHAT_EVENTS)
    String chatEvents();

    /**
     * The topics this service writes or reads, under the configured names: only these, since in production it
     * may describe no others (the production overlay's KafkaUser ACLs).
     */
    default List<TopicSpec> specs(int agentEventPartitions) {
        Map<String, String> names = Map.of(
                Topics.AGENT_EVENTS, agentEvents(),
                Topics.CONFIG, config(),
                Topics.CHAT_EVENTS, chatEvents());
        return Topics.named(agentEventPartitions, names);
    }
}
