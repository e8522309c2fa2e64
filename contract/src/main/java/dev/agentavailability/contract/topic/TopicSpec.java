package dev.agentavailability.contract.topic;

import java.util.Map;

/** A topic with the settings we chose for it on purpose. */
public record TopicSpec(String name, int partitions, Map<String, String> configs) {

    public TopicSpec withPartitions(int count) {
        return new TopicSpec(name, count, configs);
    }
}
