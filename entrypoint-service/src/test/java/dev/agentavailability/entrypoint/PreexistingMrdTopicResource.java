package dev.agentavailability.entrypoint;

import dev.agentavailability.contract.ContractJson;
import dev.agentavailability.contract.availability.AvailabilityCounts;
import dev.agentavailability.contract.availability.MrdAvailability;
import dev.agentavailability.contract.topic.TopicSpec;
import dev.agentavailability.contract.topic.Topics;
import dev.agentavailability.testsupport.TestInfrastructure;
import dev.agentavailability.testsupport.TestKafka;
import dev.agentavailability.testsupport.TestTopics;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Creates the chat-event and agent-state topics (empty) and the MRD availability topic with one record <em>before</em> the application starts, so that startup has
 * something to catch up on. (The skill-group topic is created by the tests after startup: both cases are covered.)
 */
public class PreexistingMrdTopicResource implements QuarkusTestResourceLifecycleManager {

    public static final int MRD_ID = 5999;
    public static final int AVAILABLE = 2;

    @Override
    public Map<String, String> start() {
        TestInfrastructure.get().start();
        TestTopics.create(Topics.MRD_AVAILABILITY, 3, compacted(Topics.MRD_AVAILABILITY).configs());
        TestTopics.create(Topics.CHAT_EVENTS, 3, compacted(Topics.CHAT_EVENTS).configs());
        TestTopics.create(Topics.AGENT_STATES, 3, compacted(Topics.AGENT_STATES).configs());
        // what the board's replay of one agent reads
        for (String topic : List.of(Topics.AGENT_EVENTS, Topics.CONFIG, Topics.PROJECTION_SNAPSHOTS)) {
            TestTopics.create(topic, 3, compacted(topic).configs());
        }
        try (TestKafka kafka = TestKafka.connect()) {
            MrdAvailability record = new MrdAvailability(MrdAvailability.SCHEMA_VERSION, MRD_ID, 0,
                    new AvailabilityCounts(AVAILABLE, AVAILABLE, AVAILABLE, AVAILABLE, 0, 0, 0, 2 * AVAILABLE, 0), 1,
                    Instant.now());
            kafka.send(Topics.MRD_AVAILABILITY, record.key(), ContractJson.write(record));
        }
        return Map.of();
    }

    @Override
    public void stop() {
        // the JVM-wide broker is stopped by test-support's shutdown hook
    }

    /** The topic as the catalogue defines it (compacted). */
    public static TopicSpec compacted(String name) {
        return Topics.all(3).stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }
}
