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

    @WithName("agent-events-dlq")
    @WithDefault(Topics.AGENT_EVENTS_DLQ)
    String agentEventsDlq();

    @WithDefault(Topics.CONFIG)
    String config();

    @WithName("skill-groups")
    @WithDefault(Topics.SKILL_GROUP_AVAILABILITY)
    String skillGroups();

    @WithDefault(Topics.MRD_AVAILABILITY)
    String mrds();

    @WithName("chat-events")
    @WithDefault(Topics.CHAT_EVENTS)
    String chatEvents();

    /** The topic catalogue under the configured names. */
    default List<TopicSpec> specs(int agentEventPartitions) {
        Map<String, String> names = Map.of(
                Topics.AGENT_EVENTS, agentEvents(),
                Topics.AGENT_EVENTS_DLQ, agentEventsDlq(),
                Topics.CONFIG, config(),
                Topics.SKILL_GROUP_AVAILABILITY, skillGroups(),
                Topics.MRD_AVAILABILITY, mrds(),
                Topics.CHAT_EVENTS, chatEvents());
        return Topics.all(agentEventPartitions, names);
    }
}
