package dev.agentavailability.replay;

import dev.agentavailability.kafka.KafkaClients;
import dev.agentavailability.contract.arm.ArmEvent;
import dev.agentavailability.contract.arm.ArmEventJson;
import dev.agentavailability.contract.arm.ArmFields;
import dev.agentavailability.contract.arm.ArmMessage;
import dev.agentavailability.contract.chat.ChatEvent;
import dev.agentavailability.contract.chat.ChatEventJson;
import dev.agentavailability.contract.chat.ChatEventType;
import dev.agentavailability.contract.config.AgentConfig;
import dev.agentavailability.contract.config.ConfigEvent;
import dev.agentavailability.contract.config.ConfigEventJson;
import dev.agentavailability.contract.config.ConfigItem;
import dev.agentavailability.contract.config.MrdConfig;
import dev.agentavailability.contract.config.SkillGroupConfig;
import dev.agentavailability.contract.entrypoint.AvailabilityScope;
import dev.agentavailability.contract.entrypoint.EntryPointEvent;
import dev.agentavailability.contract.entrypoint.EntryPointEventJson;
import dev.agentavailability.contract.entrypoint.EntryPointSettings;
import dev.agentavailability.testsupport.TestInfrastructure;
import dev.agentavailability.testsupport.TestKafka;
import dev.agentavailability.testsupport.TestTopics;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * A config and a day's agent events on fresh topics of the test broker, with times chosen for the incident
 * question "why did agent 6420 look like that at 13:34:09?".
 *
 * <p>Agent-event partition 1 holds 6420 and 6421, interleaved so that offset order is not time order across
 * agents; partition 2 holds 6422 (with a refused event, an anomaly) and an unreadable record; partition 0 holds
 * only the domain status reports, which go to every partition.
 */
public final class ReplayTopics {

    public static final Instant CONFIGURED = Instant.parse("2019-08-19T13:00:00Z");
    public static final Instant LOGIN = Instant.parse("2019-08-19T13:30:00Z");
    /** The incident instant: 6420 is logged in and routable but Not Ready (since {@link #LOGIN}). */
    public static final Instant T1 = Instant.parse("2019-08-19T13:34:09Z");
    public static final Instant READY = Instant.parse("2019-08-19T13:34:10Z");
    public static final Instant DOMAIN_DOWN = Instant.parse("2019-08-19T13:36:00Z");
    /** After every event: 6420 is ready (NOT_ACTIVE since {@link #READY}). */
    public static final Instant T2 = Instant.parse("2019-08-19T13:40:00Z");

    /** Two chats start for entry point 1001 (maxQueueDepth 2): its queue is full from here. */
    public static final Instant CHATS_STARTED = Instant.parse("2019-08-19T13:35:00Z");
    /** One of the two chats is abandoned; entry point 1002 is deleted. */
    public static final Instant CHAT_ABANDONED = Instant.parse("2019-08-19T13:38:30Z");

    public final String bootstrapServers;
    public final String agentEvents;
    public final String config;
    public final String entryPoints;
    public final String chats;

    private ReplayTopics(String bootstrapServers, String agentEvents, String config) {
        this.bootstrapServers = bootstrapServers;
        this.agentEvents = agentEvents;
        this.config = config;
        this.entryPoints = config.replace("availability.config.", "availability.entry-points.");
        this.chats = config.replace("availability.config.", "chat.events.");
    }

    /** Creates two fresh topics on the JVM-wide broker and writes the scenario. */
    public static ReplayTopics write() {
        String bootstrap = TestInfrastructure.get().start().bootstrapServers();
        String suffix = UUID.randomUUID().toString();
        ReplayTopics topics = new ReplayTopics(bootstrap, "arm.agent-events." + suffix, "availability.config." + suffix);
        TestTopics.create(bootstrap, topics.agentEvents, 3);
        TestTopics.create(bootstrap, topics.config, 1);
        TestTopics.create(bootstrap, topics.entryPoints, 1);
        TestTopics.create(bootstrap, topics.chats, 3);
        try (TestKafka kafka = TestKafka.connect(bootstrap)) {
            List<ConfigItem> items = List.of(
                    new MrdConfig(1, "Cisco_Voice", false),
                    new MrdConfig(5000, "ECE_Chat", false),
                    new SkillGroupConfig(6274, "TEST_SG", 1, 70520, false),
                    new SkillGroupConfig(6928, "TEST_Chat", 5000, 70518, false),
                    new SkillGroupConfig(6909, "CUCM.ECE_Chat.default.11006", 5000, 54839, true),
                    new AgentConfig(6420, "CUCM.Agent_test", 15003, List.of(6274, 6928)),
                    new AgentConfig(6421, "CUCM.Agent_other", 15004, List.of(6928)),
                    new AgentConfig(6422, "CUCM.Agent_late", 15005, List.of(6928)));
            for (ConfigItem item : items) {
                ConfigEvent event = ConfigEvent.upsert(item, CONFIGURED);
                kafka.send(topics.config, event.key(), ConfigEventJson.write(event));
            }
            // renamed after the incident: a replay to T1 must still show the old name
            ConfigEvent renamed = ConfigEvent.upsert(new SkillGroupConfig(6928, "TEST_Chat_renamed", 5000, 70518,
                    false), Instant.parse("2019-08-19T13:38:00Z"));
            kafka.send(topics.config, renamed.key(), ConfigEventJson.write(renamed));

            topics.send(kafka, 1, event(ArmMessage.MEDIA_LOGIN_REQ, 6420, ArmFields.mediaLogin(0, false, 2, "6420"),
                    LOGIN));
            topics.send(kafka, 1, event(ArmMessage.MAKE_AGENT_ROUTABLE_IND, 6420, ArmFields.maxTasks(2),
                    LOGIN.plusSeconds(5)));
            topics.send(kafka, 1, event(ArmMessage.MAKE_AGENT_READY_IND, 6420, ArmFields.makeRoutable(true), READY));
            // 6421's events reach the topic after 6420's later one: offset order is not time order
            topics.send(kafka, 1, event(ArmMessage.MEDIA_LOGIN_REQ, 6421, ArmFields.mediaLogin(1, true, 1, "6421"),
                    Instant.parse("2019-08-19T13:33:00Z")));
            topics.send(kafka, 2, event(ArmMessage.MAKE_AGENT_READY_IND, 6422, ArmFields.makeRoutable(true),
                    Instant.parse("2019-08-19T13:31:00Z"))); // refused: not logged in (an anomaly)
            topics.sendRaw(kafka, 2, "6422", "{ not an ARM event");
            topics.send(kafka, 2, event(ArmMessage.MEDIA_LOGIN_REQ, 6422, ArmFields.mediaLogin(1, true, 1, "6422"),
                    Instant.parse("2019-08-19T13:37:00Z")));
            ArmEvent domainDown = new ArmEvent(ArmEvent.SCHEMA_VERSION, UUID.randomUUID(),
                    ArmMessage.APP_PATH_DOMAIN_STATUS_EVENT, ArmMessage.APP_PATH_DOMAIN_STATUS_EVENT.type(),
                    DOMAIN_DOWN, 0, 5000, 0, ArmFields.domainStatus(5001, false), "test");
            for (int partition = 0; partition < 3; partition++) {
                topics.send(kafka, partition, domainDown);
            }

            // entry point 1001 queues for 6928 and holds two chats at most; 1002 exists until CHAT_ABANDONED
            EntryPointSettings settings1001 = new EntryPointSettings("Chat 1001", 5000, List.of(6928), true, 2,
                    AvailabilityScope.SKILL_GROUP, 300, null, null, List.of(), null);
            EntryPointEvent saved1001 = EntryPointEvent.saved(1001, settings1001, CONFIGURED);
            kafka.send(topics.entryPoints, saved1001.key(), EntryPointEventJson.write(saved1001));
            EntryPointEvent saved1002 = EntryPointEvent.saved(1002, settings1001, CONFIGURED);
            kafka.send(topics.entryPoints, saved1002.key(), EntryPointEventJson.write(saved1002));
            EntryPointEvent deleted1002 = EntryPointEvent.deleted(1002, CHAT_ABANDONED);
            kafka.send(topics.entryPoints, deleted1002.key(), EntryPointEventJson.write(deleted1002));
            UUID first = UUID.randomUUID();
            UUID second = UUID.randomUUID();
            for (ChatEvent chat : List.of(ChatEvent.started(1001, first, 5000, List.of(6928), CHATS_STARTED),
                    ChatEvent.started(1001, second, 5000, List.of(6928), CHATS_STARTED.plusSeconds(1)),
                    ChatEvent.step(ChatEventType.ABANDONED, 1001, second, 5000, 0, null, "customer left",
                            CHAT_ABANDONED))) {
                kafka.send(topics.chats, chat.key(), ChatEventJson.write(chat));
            }
        }
        return topics;
    }

    public EntryPointEvents.Source entryPointSource() {
        return new EntryPointEvents.Source(KafkaClients.bootstrap(bootstrapServers), entryPoints, chats, TopicReplay.DEFAULT_TIMEOUT);
    }

    public TopicReplay replay() {
        return new TopicReplay(KafkaClients.bootstrap(bootstrapServers), agentEvents, config, TopicReplay.DEFAULT_TIMEOUT);
    }

    static ArmEvent event(ArmMessage message, int agent, ArmFields fields, Instant at) {
        return ArmEvent.of(message, at, 80170, 5000, agent, fields, "test");
    }

    void send(TestKafka kafka, int partition, ArmEvent event) {
        sendRaw(kafka, partition, event.key(), ArmEventJson.write(event));
    }

    void sendRaw(TestKafka kafka, int partition, String key, String value) {
        try {
            kafka.producer().send(new ProducerRecord<>(agentEvents, partition, key, value)).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
