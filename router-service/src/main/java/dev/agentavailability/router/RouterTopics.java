package dev.agentavailability.router;

import dev.agentavailability.contract.topic.Topics;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** The topic names this service reads and writes, from configuration. */
@ConfigMapping(prefix = "availability.topics")
public interface RouterTopics {

    @WithName("agent-events")
    String agentEvents();

    String config();

    /** Where refused records go; {@link dev.agentavailability.kafka.cdi.DeadLetters} reads the same key. */
    @WithName("dead-letters")
    @WithDefault(Topics.DEAD_LETTERS)
    String deadLetters();

    @WithName("skill-groups")
    String skillGroups();

    String mrds();

    @WithName("chat-events")
    @WithDefault(Topics.CHAT_EVENTS)
    String chatEvents();

    /** Written by the entry point service; the router reads it only for replays. */
    @WithName("entry-points")
    @WithDefault(Topics.ENTRY_POINTS)
    String entryPoints();

    /** Periodic snapshots of the agent-event partitions (this router writes them; replays start from them). */
    @WithName("projection-snapshots")
    @WithDefault(Topics.PROJECTION_SNAPSHOTS)
    String projectionSnapshots();

    /** Each agent's state and verdict, written by the router that owns the agent's partition. */
    @WithName("agent-states")
    @WithDefault(Topics.AGENT_STATES)
    String agentStates();
}
