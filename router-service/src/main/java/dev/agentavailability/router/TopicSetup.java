package dev.agentavailability.router;

import dev.agentavailability.contract.topic.Topics;
import dev.agentavailability.kafka.KafkaClients;
import dev.agentavailability.kafka.TopicAdmin;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Creates the topics the router writes before its channels first send; existing topics are left alone. */
@ApplicationScoped
public class TopicSetup {

    void createTopics(@Observes @Priority(1) StartupEvent start,
            KafkaClients kafka,
            @ConfigProperty(name = "availability.agent-events.partitions") int partitions,
            RouterTopics topics) {
        Map<String, String> names = Map.of(
                Topics.AGENT_EVENTS, topics.agentEvents(),
                Topics.CONFIG, topics.config(),
                Topics.SKILL_GROUP_AVAILABILITY, topics.skillGroups(),
                Topics.MRD_AVAILABILITY, topics.mrds(),
                Topics.CHAT_EVENTS, topics.chatEvents(),
                Topics.ENTRY_POINTS, topics.entryPoints(),
                Topics.PROJECTION_SNAPSHOTS, topics.projectionSnapshots(),
                Topics.AGENT_STATES, topics.agentStates());
        TopicAdmin.ensure(kafka, Topics.named(partitions, names));
    }
}
