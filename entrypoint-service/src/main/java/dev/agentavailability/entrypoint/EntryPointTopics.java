package dev.agentavailability.entrypoint;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;

/** The topic names this service reads and writes (the catalogue's, set in application.properties). */
@ConfigMapping(prefix = "availability.topics")
public interface EntryPointTopics {

    @WithName("skill-groups")
    String skillGroups();

    String mrds();

    @WithName("entry-points")
    String entryPoints();
}
