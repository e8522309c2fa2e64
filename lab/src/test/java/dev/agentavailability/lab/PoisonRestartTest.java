package dev.agentavailability.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentavailability.contract.ContractJson;
import dev.agentavailability.contract.topic.Topics;
import dev.agentavailability.kafka.KafkaClients;
import dev.agentavailability.kafka.TopicReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Poison on every kept-forever topic (records that did not come through our REST checks: not JSON, JSON null, an
 * unknown schema version or message, a NUL or an oversized name), then every service SIGKILLed and started again
 * over it: each comes back ready, each poison record is dead-lettered by every service that reads its topic, and the
 * valid records after the poison are applied.
 */
class PoisonRestartTest {

    private static final int AGENT = 5113;
    private static final int SKILL_GROUP = 7160;
    private static final int ENTRY_POINT = 9160;
    /** Readers that keep a checkpoint: a record they dead-lettered is behind it and not read again after a restart. */
    private static final Set<String> CHECKPOINTED = Set.of(Topics.AGENT_EVENTS + " router-service",
            Topics.CHAT_EVENTS + " listener-service");
    /** Who reads which kept-forever topic. */
    private static final Map<String, Set<String>> READERS = Map.of(
            Topics.CONFIG, Set.of("router-service", "listener-service"),
            Topics.AGENT_EVENTS, Set.of("router-service"),
            Topics.CHAT_EVENTS, Set.of("router-service", "listener-service", "entrypoint-service"),
            Topics.ENTRY_POINTS, Set.of("entrypoint-service"));

    private static Lab lab;

    @BeforeAll
    static void startLab() throws Exception {
        lab = LabFixture.start(3);
    }

    @AfterAll
    static void stopLab() {
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    void servicesRestartedOverPoisonOnEveryKeptTopicComeBackAndApplyWhatFollowsIt() throws Exception {
        String configEvent = "{\"schemaVersion\":1,\"eventId\":\"4b0d9f38-6c40-4d0e-9a4b-7d3b4a0c0790\","
                + "\"occurredAt\":\"2026-12-04T10:00:00Z\",\"op\":\"UPSERT\",\"kind\":\"MRD\",\"id\":7790,"
                + "\"item\":{\"kind\":\"MRD\",\"id\":7790,\"name\":\"NAME\",\"interruptible\":false}}";
        Map<String, List<String>> poison = new TreeMap<>();
        poison.put(Topics.CONFIG, List.of("mrds: [7790]", "null", configEvent.replace("\"schemaVersion\":1",
                "\"schemaVersion\":9"), configEvent.replace("NAME", "Chat\\u0000Team"),
                configEvent.replace("NAME", "x".repeat(10_000))));
        poison.put(Topics.AGENT_EVENTS, List.of("{not an ARM event", "null",
                "{\"schemaVersion\":1,\"message\":\"NO_SUCH_MESSAGE\",\"icmAgentId\":" + AGENT + "}"));
        poison.put(Topics.CHAT_EVENTS, List.of("{not a chat event", "null", "{\"schemaVersion\":9,\"type\":\"STARTED\"}"));
        poison.put(Topics.ENTRY_POINTS, List.of("{not an entry point", "null",
                "{\"schemaVersion\":9,\"type\":\"UPSERTED\",\"entryPointId\":" + ENTRY_POINT + "}"));
        try (KafkaProducer<String, String> producer = KafkaClients.bootstrap(lab.bootstrapServers())
                .producer("lab-test-poison", Map.of(), new StringSerializer(), new StringSerializer())) {
            // keyed as the valid records below, so that each poison record is on their partition and before them
            Map<String, String> keys = Map.of(Topics.CONFIG, "SKILL_GROUP:" + SKILL_GROUP,
                    Topics.AGENT_EVENTS, Integer.toString(AGENT), Topics.CHAT_EVENTS, Integer.toString(ENTRY_POINT),
                    Topics.ENTRY_POINTS, Integer.toString(ENTRY_POINT));
            poison.forEach((topic, values) -> values.forEach(value ->
                    producer.send(new ProducerRecord<>(topic, keys.get(topic), value))));
            producer.flush();
        }
        // the valid records after the poison, each through the service that writes its topic
        lab.send("PUT", lab.router().url() + "/config/skill-groups/" + SKILL_GROUP, "application/json",
                "{\"name\":\"After_Poison\",\"mrdId\":5000,\"peripheralNumber\":71160}");
        lab.send("PUT", lab.router().url() + "/config/agents/" + AGENT, "application/json",
                "{\"name\":\"After_Poison_Agent\",\"peripheralNumber\":15113,\"skillGroupIds\":[" + SKILL_GROUP + "]}");
        lab.send("PUT", lab.entrypoint().url() + "/entry-points/" + ENTRY_POINT, "application/json",
                "{\"name\":\"Always open\",\"mrdId\":5000,\"skillGroupIds\":[" + SKILL_GROUP + "],\"maxQueueDepth\":3}");
        agent("login", "{\"maxTaskLimit\":2,\"agentInfo\":\"" + AGENT + "\"}");
        agent("routable", "{\"maxTasks\":2}");
        agent("ready", "{\"makeRoutable\":true}");
        assertAppliedAfterThePoison();
        startChat();

        awaitDeadLetters(poison, 0, READERS);
        long restartFrom = deadLetters().size();

        ServiceProcess[] services = {lab.router(), lab.listener(), lab.entrypoint()};
        for (ServiceProcess service : services) {
            service.kill();
        }
        for (ServiceProcess service : services) { // the router first, as the lab starts them
            service.start();
            service.awaitReady(Duration.ofMinutes(2));
        }
        assertAppliedAfterThePoison();
        startChat();

        // Readers that read their topic from its start at every start-up report its poison again; a checkpointed
        // one has moved past it for good.
        Map<String, Set<String>> rereading = new TreeMap<>();
        READERS.forEach((topic, readers) -> readers.stream().filter(r -> !CHECKPOINTED.contains(topic + " " + r))
                .forEach(r -> rereading.computeIfAbsent(topic, t -> new TreeSet<>()).add(r)));
        Map<String, Set<String>> again = awaitDeadLetters(poison, restartFrom, rereading);
        assertThat(again).as("dead letters after the restart, by topic and reader").isEqualTo(rereading);
    }

    private static void assertAppliedAfterThePoison() {
        await("what follows the poison applied").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .ignoreExceptions().untilAsserted(() -> {
                    assertThat(get(lab.router().url() + "/config/skill-groups/" + SKILL_GROUP).get("name").asText())
                            .isEqualTo("After_Poison");
                    assertThat(get(lab.entrypoint().url() + "/system/egain/chat/entrypoint/initialize/" + ENTRY_POINT)
                            .at("/checkEligibility/responseType").asInt(-1)).as("agent %d available", AGENT).isZero();
                });
    }

    private static void startChat() throws Exception {
        lab.send("POST", lab.entrypoint().url() + "/system/egain/chat/entrypoint/" + ENTRY_POINT + "/chats",
                "application/json", "{}");
    }

    /**
     * Awaits a dead letter of every poison record from each of its topic's {@code expected} readers at or after
     * offset {@code from} of the dead-letter topic, then returns who dead-lettered what there, by topic.
     */
    private static Map<String, Set<String>> awaitDeadLetters(Map<String, List<String>> poison, long from,
            Map<String, Set<String>> expected) {
        Map<String, Set<String>> readers = new TreeMap<>();
        await("every poison record dead-lettered by " + expected).atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500)).until(() -> {
                    readers.clear();
                    List<ConsumerRecord<String, String>> letters = deadLetters();
                    boolean complete = true;
                    for (Map.Entry<String, List<String>> topic : poison.entrySet()) {
                        for (String value : topic.getValue()) {
                            Set<String> byRecord = new TreeSet<>();
                            for (ConsumerRecord<String, String> letter : letters.subList((int) from, letters.size())) {
                                if (topic.getKey().equals(header(letter, Topics.DLQ_TOPIC_HEADER))
                                        && value.equals(letter.value())) {
                                    byRecord.add(header(letter, Topics.DLQ_READER_HEADER));
                                }
                            }
                            complete &= byRecord.containsAll(expected.getOrDefault(topic.getKey(), Set.of()));
                            if (!byRecord.isEmpty()) {
                                readers.computeIfAbsent(topic.getKey(), t -> new TreeSet<>()).addAll(byRecord);
                            }
                        }
                    }
                    return complete;
                });
        System.out.printf("PoisonRestartTest: dead letters from offset %d, by topic and reader: %s%n", from, readers);
        return readers;
    }

    private static List<ConsumerRecord<String, String>> deadLetters() {
        List<ConsumerRecord<String, String>> letters = new ArrayList<>();
        TopicReader.readToEnd(KafkaClients.bootstrap(lab.bootstrapServers()), "lab-test-dead-letters",
                Topics.DEAD_LETTERS, Duration.ofSeconds(30), false, letters::add);
        letters.sort((x, y) -> Long.compare(x.offset(), y.offset()));
        return letters;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void agent(String action, String body) throws Exception {
        lab.send("POST", lab.listener().url() + "/agents/" + AGENT + "/mrds/5000/" + action, "application/json", body);
    }

    private static JsonNode get(String url) throws Exception {
        return ContractJson.mapper().readTree(lab.send("GET", url, null, null));
    }
}
