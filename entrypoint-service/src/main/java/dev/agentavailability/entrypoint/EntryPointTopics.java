package dev.agentavailability.entrypoint;

import dev.agentavailability.contract.topic.Topics;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** The topic names this service reads and writes (the catalogue's, set in application.properties). */
@ConfigMapping(prefix = "availability.topics")
public interface EntryPointTopics {

    @WithName("skill-groups")
    String skillGroups();

    String mrds();

    @WithName("entry-points")
    String entryPoints();

    /** The router's compacted topic of each agent's state and verdict: the board's agents. */
    @WithName("agent-states")
    @WithDefault(Topics.AGENT_STATES)
    String agentStates();

    /** Read only to rebuild one agent for the board (its rttest lines and last events), as a replay does. */
    @WithName("agent-events")
    @WithDefault(Topics.AGENT_EVENTS)
    String agentEvents();

    @WithDefault(Topics.CONFIG)
    String config();

    @WithName("projection-snapshots")
    @WithDefault(Topics.PROJECTION_SNAPSHOTS)
    String projectionSnapshots();

    /** Where refused records go; {@link dev.agentavailability.kafka.cdi.DeadLetters} reads the same key. */
    @WithName("dead-letters")
    @WithDefault(Topics.DEAD_LETTERS)
    String deadLetters();
}
