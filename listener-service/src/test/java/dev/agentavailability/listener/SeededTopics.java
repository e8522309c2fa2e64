package dev.agentavailability.listener;

import dev.agentavailability.contract.arm.ArmEvent;
import dev.agentavailability.contract.arm.ArmEventJson;
import dev.agentavailability.contract.arm.ArmFields;
import dev.agentavailability.contract.arm.ArmMessage;
import dev.agentavailability.contract.config.AgentConfig;
import dev.agentavailability.contract.config.ApplicationPathConfig;
import dev.agentavailability.contract.config.ConfigEvent;
import dev.agentavailability.contract.config.ConfigEventJson;
import dev.agentavailability.contract.config.ConfigItem;
import dev.agentavailability.contract.config.MrdConfig;
import dev.agentavailability.contract.config.SkillGroupConfig;
import dev.agentavailability.kafka.KafkaClients;
import dev.agentavailability.kafka.TopicAdmin;
import dev.agentavailability.contract.topic.Topics;
import dev.agentavailability.testsupport.TestKafka;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the topics hold before the listener starts: the tech note's reference data on the config topic
 * (written as router-service writes it) and, on the agent-event topic, the history of agent
 * {@value #REBUILT_AGENT} that the listener must rebuild, with one unreadable record among it.
 */
public class SeededTopics implements QuarkusTestResourceLifecycleManager {

    public static final int CHAT = 5000;
    public static final int VOICE = 1;
    public static final int APPLICATION_PATH = 5001;
    /** Agents configured in TEST_Chat (6928), one per test so that tests do not depend on each other. */
    public static final List<Integer> CHAT_AGENTS = List.of(6420, 6421, 6422, 6423, 6424, 6425, 6426, 6427, 6428,
            6430, 6431, 6432, 6433, 6434, 6435, 6436, 6437, 6438, 6439);
    /** The agent of the tech note's MEDIA_LOGIN_REQ dump (AgentInfo "1005"), configured in TEST_Chat. */
    public static final int DUMP_LOGIN_AGENT = 5033;
    public static final int REBUILT_AGENT = 7001;
    /** A config record cut short: the listener must report it and still count the config topic as read to its end. */
    public static final String UNREADABLE_CONFIG = "{\"schemaVersion\":1,";
    /** The largest invoke id on the agent-event topic before the listener starts. */
    public static final long LAST_SEEDED_INVOKE_ID = 500_000;

    @Override
    public Map<String, String> start() {
        try (TestKafka kafka = TestKafka.connect()) {
            TopicAdmin.ensure(KafkaClients.bootstrap(kafka.bootstrapServers()), Topics.all(6));
            for (ConfigItem item : referenceData()) {
                kafka.send(Topics.CONFIG, item.key(), ConfigEventJson.write(ConfigEvent.upsert(item, Instant.now())));
            }
            kafka.send(Topics.CONFIG, "AGENT:1", UNREADABLE_CONFIG);

            Instant at = Instant.parse("2019-08-19T13:34:09.773Z");
            String key = Integer.toString(REBUILT_AGENT);
            kafka.send(Topics.AGENT_EVENTS, key, arm(ArmMessage.MEDIA_LOGIN_REQ, LAST_SEEDED_INVOKE_ID - 2, at,
                    ArmFields.mediaLogin(0, false, 1, "1005")));
            kafka.send(Topics.AGENT_EVENTS, key, "not an ARM event");
            kafka.send(Topics.AGENT_EVENTS, key, arm(ArmMessage.MAKE_AGENT_ROUTABLE_IND, LAST_SEEDED_INVOKE_ID - 1,
                    at, ArmFields.maxTasks(2)));
            kafka.send(Topics.AGENT_EVENTS, key, arm(ArmMessage.MAKE_AGENT_READY_IND, LAST_SEEDED_INVOKE_ID, at,
                    ArmFields.makeRoutable(true)));
        }
        return Map.of();
    }

    @Override
    public void stop() {
        // the JVM-wide broker keeps the topics; test-support stops it with the JVM
    }

    static List<ConfigItem> referenceData() {
        List<ConfigItem> items = new java.util.ArrayList<>(List.of(
                new MrdConfig(CHAT, "ECE_Chat", false),
                new MrdConfig(VOICE, "Cisco_Voice", false),
                new SkillGroupConfig(6928, "TEST_Chat", CHAT, 70518, false),
                new SkillGroupConfig(6274, "TEST_SG", VOICE, 70520, false),
                new ApplicationPathConfig(APPLICATION_PATH, "ECE", List.of(CHAT))));
        for (int agent : CHAT_AGENTS) {
            items.add(new AgentConfig(agent, "agent." + agent, 15000 + agent % 1000, List.of(6274, 6928)));
        }
        items.add(new AgentConfig(REBUILT_AGENT, "agent.rebuilt", 17001, List.of(6928)));
        items.add(new AgentConfig(DUMP_LOGIN_AGENT, "agent.1005", 15033, List.of(6928)));
        return items;
    }

    private static String arm(ArmMessage message, long invokeId, Instant at, ArmFields fields) {
        return ArmEventJson.write(ArmEvent.of(message, at, invokeId, CHAT, REBUILT_AGENT, fields, "seed"));
    }
}
