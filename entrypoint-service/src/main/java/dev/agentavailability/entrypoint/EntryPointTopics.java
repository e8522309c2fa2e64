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

    /** Where refused records go; {@link dev.agentavailability.kafka.cdi.DeadLetters} reads the same key. */
    @WithName("dead-letters")
    @WithDefault(Topics.DEAD_LETTERS)
    String deadLetters();
}
