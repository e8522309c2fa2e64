package dev.agentavailability.contract.topic;

import java.util.List;
import java.util.Map;

/**
 * The topic catalogue. Names are defaults; each service reads its own from configuration.
 */
public final class Topics {

    /** ARM events, key = ICM agent id. Kept for incident replay: retention is time-unlimited by default. */
    public static final String AGENT_EVENTS = "arm.agent-events";
    /**
     * Records a service could not read or apply, from any topic it reads, with the original value and key; headers
     * name the reason, the source topic, partition and offset, and the service that refused it.
     */
    public static final String DEAD_LETTERS = "availability.dead-letters";
    /** Reference data changes, key = KIND:id, one partition so that every reader sees one order. */
    public static final String CONFIG = "availability.config";
    /** Skill group availability per agent-event partition, compacted, key = skillGroupId/partition. */
    public static final String SKILL_GROUP_AVAILABILITY = "availability.skill-groups";
    /** MRD availability per agent-event partition, compacted, key = mrdId/partition. */
    public static final String MRD_AVAILABILITY = "availability.mrds";
    /** Each agent's state per MRD and its availability verdict, compacted, key = ICM agent id. */
    public static final String AGENT_STATES = "availability.agent-states";

    /**
     * Entry point settings changes (the history of the entry point service's table), key = entry point id, one
     * partition so that every reader sees one order. Kept so that a replay can answer for an entry point.
     */
    public static final String ENTRY_POINTS = "availability.entry-points";
    /**
     * Periodic snapshots of each agent-event partition's projection with the offset they reflect, key = partition
     * number. A replay starts from the newest snapshot before its instant instead of the topic's beginning.
     */
    public static final String PROJECTION_SNAPSHOTS = "availability.projection-snapshots";

    /** Chat steps (started, assigned, offered, abandoned, timed out), key = entry point id. */
    public static final String CHAT_EVENTS = "chat.events";

    /** Header of a dead-letter record that says why it was refused. */
    public static final String DLQ_REASON_HEADER = "dead-letter-reason";
    public static final String DLQ_TOPIC_HEADER = "dead-letter-topic";
    public static final String DLQ_PARTITION_HEADER = "dead-letter-partition";
    public static final String DLQ_OFFSET_HEADER = "dead-letter-offset";
    /** The service that refused the record: a topic read by three services may be refused by each. */
    public static final String DLQ_READER_HEADER = "dead-letter-reader";

    private static final Map<String, String> KEEP_FOREVER = Map.of("retention.ms", "-1", "cleanup.policy", "delete");
    private static final Map<String, String> COMPACTED = Map.of("cleanup.policy", "compact",
            "min.compaction.lag.ms", "0", "segment.ms", "600000");

    /** Snapshots are large records (a partition's agents): allow up to 16 MiB, compressed. */
    private static final Map<String, String> SNAPSHOTS = Map.of("retention.ms", "-1", "cleanup.policy", "delete",
            "max.message.bytes", Integer.toString(16 * 1024 * 1024), "compression.type", "zstd");

    private Topics() {
    }

    /**
     * The topics a service uses, under the names it is configured with: those of {@code configuredNames} (default
     * name → configured name), with the catalogue's settings.
     */
    public static List<TopicSpec> named(int agentEventPartitions, Map<String, String> configuredNames) {
        return all(agentEventPartitions).stream()
                .filter(spec -> configuredNames.containsKey(spec.name()))
                .map(spec -> new TopicSpec(configuredNames.get(spec.name()), spec.partitions(), spec.configs()))
                .toList();
    }

    /** Every topic, with the agent-event topic split into the given number of partitions. */
    public static List<TopicSpec> all(int agentEventPartitions) {
        return List.of(
                new TopicSpec(AGENT_EVENTS, agentEventPartitions, KEEP_FOREVER),
                new TopicSpec(DEAD_LETTERS, 1, KEEP_FOREVER),
                new TopicSpec(CONFIG, 1, KEEP_FOREVER),
                new TopicSpec(CHAT_EVENTS, 3, KEEP_FOREVER),
                new TopicSpec(ENTRY_POINTS, 1, KEEP_FOREVER),
                new TopicSpec(PROJECTION_SNAPSHOTS, 1, SNAPSHOTS),
                new TopicSpec(SKILL_GROUP_AVAILABILITY, 3, COMPACTED),
                new TopicSpec(MRD_AVAILABILITY, 3, COMPACTED),
                new TopicSpec(AGENT_STATES, 3, COMPACTED));
    }
}
