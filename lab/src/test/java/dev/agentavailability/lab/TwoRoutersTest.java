package dev.agentavailability.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentavailability.kafka.KafkaClients;
import dev.agentavailability.kafka.TopicReader;
import dev.agentavailability.contract.ContractJson;
import dev.agentavailability.contract.Decoded;
import dev.agentavailability.contract.arm.ArmEvent;
import dev.agentavailability.contract.arm.ArmEventJson;
import dev.agentavailability.contract.availability.AgentAvailability;
import dev.agentavailability.contract.availability.AvailabilityCounts;
import dev.agentavailability.contract.availability.AvailabilityJson;
import dev.agentavailability.contract.availability.MrdAvailability;
import dev.agentavailability.contract.availability.SkillGroupAvailability;
import dev.agentavailability.contract.config.ConfigEvent;
import dev.agentavailability.contract.config.ConfigEventJson;
import dev.agentavailability.contract.config.ConfigKind;
import dev.agentavailability.contract.topic.Topics;
import dev.agentavailability.projection.AgentAvailabilities;
import dev.agentavailability.projection.AgentMrdState;
import dev.agentavailability.projection.AgentState;
import dev.agentavailability.projection.AvailabilityCounter;
import dev.agentavailability.projection.AvailabilityRule;
import dev.agentavailability.projection.ConfigView;
import dev.agentavailability.projection.PartitionProjection;
import dev.agentavailability.projection.Verdict;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two router instances of one group share the agent-event partitions of one broker and one database while a
 * stream of agent events goes on, through five cycles in which one of them stops (gracefully, or SIGKILLed in the
 * even cycles) and starts again, so that its partitions move to the other and back. After each cycle both routers
 * catch up and the availability topics hold the counts of the topic's replay (the time is printed); in the crash
 * of cycle 2 a chat waiting on the crashed router is assigned by the other. In the end the partitions' projections
 * (live and stored), the routers' answers and the availability records the entry point sums are those of one router
 * that rebuilds everything from the topic.
 */
class TwoRoutersTest {

    private static final int PARTITIONS = 6;
    private static final int AGENTS = 40;
    private static final int FIRST_AGENT = 7100;
    private static final Duration REBALANCE = Duration.ofSeconds(45);
    /** Stop/start cycles, alternating the router and a graceful stop with a SIGKILL. */
    private static final int CYCLES = 5;
    /** The crash cycle in which a chat waits on the router that crashes. */
    private static final int CHAT_CYCLE = 2;
    private static final int CHAT_AGENT = 7199;
    private static final int CHAT_SKILL_GROUP = 7150;
    private static final long CHAT_ENTRY_POINT = 9150;

    private static final long STARTED = System.nanoTime();

    private static Lab lab;
    private static ServiceProcess routerB;

    @BeforeAll
    static void startLab() throws Exception {
        lab = LabFixture.start(PARTITIONS);
        phase("lab started");
        StringBuilder agents = new StringBuilder("agents:\n");
        for (int id = FIRST_AGENT; id < FIRST_AGENT + AGENTS; id++) {
            // Two agents in three take chats in TEST_Chat (some also voice in TEST_SG); the rest only in the
            // MRD's default group.
            String groups = switch (id % 3) {
                case 0 -> "[6928]";
                case 1 -> "[6928, 6274]";
                default -> "[]";
            };
            agents.append("  - { id: %d, name: Agent_%d, peripheralNumber: %d, skillGroupIds: %s }\n"
                    .formatted(id, id, 20000 + id, groups));
        }
        lab.send("POST", lab.router().url() + "/config/import", "application/yaml", agents.toString());
        // a skill group whose one agent is not ready at first, for a chat that must wait
        lab.send("PUT", lab.router().url() + "/config/skill-groups/" + CHAT_SKILL_GROUP, "application/json",
                "{\"name\":\"Two_Routers_Chat\",\"mrdId\":5000,\"peripheralNumber\":71150}");
        lab.send("PUT", lab.router().url() + "/config/agents/" + CHAT_AGENT, "application/json",
                "{\"name\":\"Two_Routers_Agent\",\"peripheralNumber\":27199,\"skillGroupIds\":["
                        + CHAT_SKILL_GROUP + "]}");
        lab.send("PUT", lab.entrypoint().url() + "/entry-points/" + CHAT_ENTRY_POINT, "application/json",
                "{\"name\":\"Always open\",\"mrdId\":5000,\"skillGroupIds\":[" + CHAT_SKILL_GROUP
                        + "],\"maxQueueDepth\":3}");
        ServiceProcess a = lab.router();
        Map<String, String> env = new HashMap<>(lab.users().serviceEnvironment());
        env.put("KAFKA_BOOTSTRAP_SERVERS", lab.bootstrapServers());
        env.put("AVAILABILITY_AGENT_EVENTS_PARTITIONS", Integer.toString(PARTITIONS));
        // The same database as router A: the partitions' state and offsets are stored there, so a partition
        // that moves resumes from where its last owner stored it.
        env.put("QUARKUS_DATASOURCE_JDBC_URL", lab.postgres().jdbcUrl("router"));
        env.put("QUARKUS_DATASOURCE_USERNAME", lab.postgres().username());
        env.put("QUARKUS_DATASOURCE_PASSWORD", lab.postgres().password());
        routerB = new ServiceProcess("router-service-b",
                LabFixture.REPO_ROOT.resolve("router-service/target/quarkus-app/quarkus-run.jar"),
                LabFixture.freePort(), env, a.log().resolveSibling("router-service-b.log"));
    }

    /** Nothing is checked after the test: the services are killed rather than stopped, which saves half a minute. */
    @AfterAll
    static void stopLab() throws InterruptedException {
        if (routerB != null) {
            routerB.kill();
        }
        if (lab != null) {
            for (ServiceProcess service : List.of(lab.entrypoint(), lab.router(), lab.listener())) {
                service.kill();
            }
            lab.close();
        }
    }

    @Test
    void partitionsMovingBetweenTwoRoutersGiveTheAnswersOfOneRouterRebuiltFromTheTopic() throws Exception {
        ServiceProcess a = lab.router();
        List<String> figures = new ArrayList<>();
        try (KafkaProducer<String, String> producer = producer();
                Stream stream = new Stream(producer,
                        new RandomAgentEvents(new Random(7), FIRST_AGENT, AGENTS, "two-routers-test"))) {
            stream.send(300);
            // The chat agent takes one chat and is then busy: at its limit, so that a later chat waits in the queue.
            listenerAgent(CHAT_AGENT, "login", "{\"maxTaskLimit\":1,\"agentInfo\":\"" + CHAT_AGENT + "\"}");
            listenerAgent(CHAT_AGENT, "routable", "{\"maxTasks\":1}");
            listenerAgent(CHAT_AGENT, "ready", "{\"makeRoutable\":true}");
            await("the chat agent available").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                    .until(() -> get(lab.entrypoint().url() + "/system/egain/chat/entrypoint/initialize/"
                            + CHAT_ENTRY_POINT).at("/checkEligibility/responseType").asInt(-1) == 0);
            startChat();
            await("the first chat offered to the chat agent").atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(100)).until(() -> queueDepth() == 0
                            && get(a.url() + "/agents/" + CHAT_AGENT + "/status").at("/mrds/0/activeTasks")
                                    .asInt() == 1);
            // B starts while A applies the first events. From the moment B is ready (its consumer joins the group
            // then) agent events keep coming, ten every 20 ms, so that batches are in flight whenever partitions
            // move; they pause while a router starts, to leave the two cores to its start-up.
            routerB.start();
            routerB.awaitReady(Duration.ofMinutes(2));
            phase("router B started");
            stream.pace(true);
            awaitOwners(List.of(a, routerB));
            phase("partitions shared by A and B");

            for (int cycle = 1; cycle <= CYCLES; cycle++) {
                boolean crash = cycle % 2 == 0;
                ServiceProcess down;
                if (cycle == CHAT_CYCLE) {
                    // A chat waits for an agent on the router that owns its chat-event partition; that router
                    // crashes, and the agent becomes ready: the other one must take the chat over and assign it.
                    startChat();
                    down = awaitQueueOwner(a, routerB);
                } else {
                    down = cycle % 2 == 1 ? a : routerB;
                }
                ServiceProcess survivor = down == a ? routerB : a;
                if (cycle == 3) {
                    listenerDomainStatus(false); // one record on every partition, whoever owns it
                }
                long faultAt = System.nanoTime();
                if (crash) {
                    down.kill(); // the group notices after the session timeout
                } else {
                    down.close(); // graceful: it leaves the group and the survivor takes its partitions at once
                }
                if (cycle == CHAT_CYCLE) {
                    // room for one more chat: the waiting one can go to the agent
                    listenerAgent(CHAT_AGENT, "routable", "{\"maxTasks\":2}");
                    lab.send("PUT", lab.listener().url() + "/agents/" + CHAT_AGENT + "/mrds/5000/task-limit",
                            "application/json", "{\"maxTaskLimit\":2}");
                    await("the waiting chat assigned by the surviving router").atMost(Duration.ofSeconds(60))
                            .pollInterval(Duration.ofMillis(100)).until(() -> queueDepth() == 0);
                    figures.add(("cycle %d: a chat waiting on the crashed router assigned by the other %d ms after "
                            + "the crash")
                            .formatted(cycle, millisSince(faultAt)));
                }
                awaitOwners(List.of(survivor));
                long moved = millisSince(faultAt);
                phase("cycle " + cycle + ": " + down.name() + (crash ? " killed" : " stopped")
                        + ", partitions all on " + survivor.name());
                if (cycle == 3) {
                    listenerDomainStatus(true);
                }
                stream.pace(false);
                down.start();
                down.awaitReady(Duration.ofMinutes(2));
                stream.pace(true);
                awaitOwners(List.of(a, routerB));
                long healed = System.nanoTime();
                stream.pace(false);
                stream.checkSent();
                awaitCaughtUp(a);
                figures.add(("cycle %d: %s %s; partitions on %s after %d ms; %s back, shared again and caught up "
                        + "(every event applied, the availability topics at the replay's counts) %d ms later")
                        .formatted(cycle, down.name(), crash ? "SIGKILLed" : "stopped", survivor.name(), moved,
                                down.name(), millisSince(healed)));
                phase("cycle " + cycle + " caught up");
                stream.pace(true);
            }
            stream.pace(false);

            stream.malformed();
            stream.send(300);
            stream.checkSent();
            // An agent made available through the listener, so that the entry point has an agent to count.
            listenerAgent(6420, "login", "{\"maxTaskLimit\":2,\"agentInfo\":\"6420\"}");
            listenerAgent(6420, "routable", "{\"maxTasks\":2}");
            listenerAgent(6420, "ready", "{\"makeRoutable\":true}");
            System.out.printf("TwoRoutersTest: %d agent events sent%n", stream.sent());
        }
        figures.forEach(figure -> System.out.println("TwoRoutersTest: " + figure));

        awaitCaughtUp(a);
        Map<Integer, PartitionProjection> rebuilt = AgentEventReplay.rebuild(lab);
        ConfigView config = configFromTopic();

        phase("every event applied");
        // 1. Each partition is owned by exactly one router, whose projection is the rebuilt one.
        Map<Integer, JsonNode> ownedByA = owned(a);
        Map<Integer, JsonNode> ownedByB = owned(routerB);
        assertThat(ownedByA).as("each router owns some partitions").isNotEmpty();
        assertThat(ownedByB).isNotEmpty();
        assertThat(ownedByA.keySet()).as("no partition owned twice").doesNotContainAnyElementsOf(ownedByB.keySet());
        Map<Integer, JsonNode> live = new TreeMap<>(ownedByA);
        live.putAll(ownedByB);
        assertThat(live.keySet()).isEqualTo(rebuilt.keySet());
        long anomalies = 0;
        for (PartitionProjection expected : rebuilt.values()) {
            JsonNode partition = live.get(expected.partition());
            assertThat(partition.get("nextOffset").asLong()).isEqualTo(expected.nextOffset());
            assertThat(partition.get("anomalies").asLong()).isEqualTo(expected.anomalies());
            List<AgentState> agents = new ArrayList<>();
            for (JsonNode agent : partition.get("agents")) {
                agents.add(ContractJson.mapper().treeToValue(agent, AgentState.class));
            }
            assertThat(agents).as("agents of partition %d", expected.partition())
                    .containsExactlyElementsOf(expected.agents());
            anomalies += expected.anomalies();
        }
        assertThat(anomalies).as("the stream holds illegal events, so anomalies are compared too").isPositive();

        // 2. What the database holds for each partition is the same: the next owner of a partition starts there.
        assertStoredProjections(rebuilt);

        // 3. The routers' answers: agent status from the router that owns the agent, skill groups summed over both.
        for (PartitionProjection expected : rebuilt.values()) {
            ServiceProcess owner = ownedByA.containsKey(expected.partition()) ? a : routerB;
            ServiceProcess other = owner == a ? routerB : a;
            for (AgentState agent : expected.agents()) {
                assertAgentStatus(owner, agent, expected, config);
                assertThat(status(other, agent.icmAgentId())).as("agent %d on the router that does not own it",
                        agent.icmAgentId()).isEqualTo(404);
            }
        }
        Map<Integer, AvailabilityCounts> bySkillGroup = sum(rebuilt, config, true);
        assertThat(bySkillGroup.get(6928).available()).as("agents available in TEST_Chat at the end").isPositive();
        for (Map.Entry<Integer, AvailabilityCounts> sg : bySkillGroup.entrySet()) {
            AvailabilityCounts fromA = counts(a, "/skill-groups/" + sg.getKey() + "/availability");
            AvailabilityCounts fromB = counts(routerB, "/skill-groups/" + sg.getKey() + "/availability");
            assertThat(fromA.plus(fromB)).as("skill group %d over both routers", sg.getKey()).isEqualTo(sg.getValue());
        }

        // 4. The availability records: the latest one of each skill group and MRD on each partition is the
        // rebuilt one, so the sums the entry point takes are those of one router.
        await("the availability topics hold the rebuilt counts").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                    assertPublished(rebuilt, config);
                    assertAgentStatesPublished(rebuilt, config);
                });
        phase("answers compared");
        await("the entry point sees an available agent").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200)).untilAsserted(() -> assertThat(
                        get(lab.entrypoint().url() + "/system/egain/chat/entrypoint/initialize/1002")
                                .at("/checkEligibility/responseType").asInt(-1)).isZero());
    }

    /**
     * Waits until the two routers have applied the agent-event topic up to its end and the availability topics hold
     * the counts of its replay: what the entry point sums is then what one router rebuilt from scratch would give.
     */
    private static void awaitCaughtUp(ServiceProcess a) {
        await("both routers apply every event and publish its availability").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200)).ignoreExceptions().untilAsserted(() -> {
                    Map<Integer, PartitionProjection> rebuilt = AgentEventReplay.rebuild(lab);
                    long endOffsets = rebuilt.values().stream().mapToLong(PartitionProjection::nextOffset).sum();
                    assertThat(appliedOffsets(a) + appliedOffsets(routerB)).isEqualTo(endOffsets);
                    assertPublished(rebuilt, configFromTopic());
                });
    }

    private static long appliedOffsets(ServiceProcess router) throws Exception {
        return owned(router).values().stream().mapToLong(p -> p.get("nextOffset").asLong()).sum();
    }

    /** The router whose chat queue holds the chat waiting at {@link #CHAT_ENTRY_POINT}. */
    private static ServiceProcess awaitQueueOwner(ServiceProcess a, ServiceProcess b) {
        AtomicReference<ServiceProcess> owner = new AtomicReference<>();
        await("the chat waits on one router").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    for (ServiceProcess router : List.of(a, b)) {
                        for (JsonNode chat : get(router.url() + "/chats/queue").get("waiting")) {
                            if (chat.get("entryPointId").asLong() == CHAT_ENTRY_POINT) {
                                owner.set(router);
                                return true;
                            }
                        }
                    }
                    return false;
                });
        return owner.get();
    }

    private static void startChat() throws Exception {
        lab.send("POST", lab.entrypoint().url() + "/system/egain/chat/entrypoint/" + CHAT_ENTRY_POINT + "/chats",
                "application/json", "{}");
    }

    /** Chats waiting at {@link #CHAT_ENTRY_POINT}, as the entry point service counts them. */
    private static int queueDepth() throws Exception {
        return get(lab.entrypoint().url() + "/entry-points/" + CHAT_ENTRY_POINT + "/explain").at("/queue/depth")
                .asInt();
    }

    private static long millisSince(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanos);
    }

    private static void phase(String what) {
        System.out.printf("TwoRoutersTest: %5.1f s %s%n", (System.nanoTime() - STARTED) / 1e9, what);
    }

    /** Waits until the routers own every partition between them, each at least one, none twice. */
    private static void awaitOwners(List<ServiceProcess> routers) {
        await("partitions shared by " + routers.size() + " router(s)").atMost(REBALANCE)
                .pollInterval(Duration.ofMillis(200)).ignoreExceptions().untilAsserted(() -> {
                    Set<Integer> all = new TreeSet<>();
                    int owners = 0;
                    for (ServiceProcess router : routers) {
                        Set<Integer> owned = owned(router).keySet();
                        assertThat(owned).as(router.name() + " owns partitions").isNotEmpty();
                        owners += owned.size();
                        all.addAll(owned);
                    }
                    assertThat(all).hasSize(PARTITIONS);
                    assertThat(owners).as("no partition owned twice").isEqualTo(PARTITIONS);
                });
    }

    /** The partitions a router owns now, from {@code GET /projection}. */
    private static Map<Integer, JsonNode> owned(ServiceProcess router) throws Exception {
        Map<Integer, JsonNode> owned = new TreeMap<>();
        for (JsonNode partition : get(router.url() + "/projection")) {
            owned.put(partition.get("partition").asInt(), partition);
        }
        return owned;
    }

    private static void assertAgentStatus(ServiceProcess owner, AgentState agent, PartitionProjection partition,
            ConfigView config) throws Exception {
        JsonNode status = get(owner.url() + "/agents/" + agent.icmAgentId() + "/status");
        assertThat(status.get("partition").asInt()).isEqualTo(partition.partition());
        assertThat(status.get("partitionOffset").asLong()).isEqualTo(partition.nextOffset());
        Map<Integer, JsonNode> mrds = new TreeMap<>();
        status.get("mrds").forEach(mrd -> mrds.put(mrd.get("mrdId").asInt(), mrd));
        assertThat(mrds.keySet()).isEqualTo(agent.mrds().keySet());
        for (AgentMrdState mrd : agent.mrds().values()) {
            JsonNode answer = mrds.get(mrd.mrdId());
            Verdict verdict = AvailabilityRule.evaluate(agent, mrd.mrdId(), config, partition.unavailableDomains());
            String what = "agent " + agent.icmAgentId() + " in MRD " + mrd.mrdId();
            assertThat(answer.get("state").asText()).as(what).isEqualTo(mrd.state().name());
            assertThat(answer.get("activeTasks").asInt()).as(what).isEqualTo(mrd.activeTasks());
            assertThat(answer.get("availableForNewTask").asBoolean()).as(what).isEqualTo(verdict.availableForNewTask());
            List<String> because = new ArrayList<>();
            answer.get("unavailableBecause").forEach(r -> because.add(r.asText()));
            assertThat(because).as(what)
                    .isEqualTo(verdict.reasons().stream().map(Enum::name).sorted().toList());
        }
    }

    private static int status(ServiceProcess router, int agent) throws Exception {
        try {
            lab.send("GET", router.url() + "/agents/" + agent + "/status", null, null);
            return 200;
        } catch (IllegalStateException refused) {
            return refused.getMessage().contains(" answered 404") ? 404 : -1;
        }
    }

    private static AvailabilityCounts counts(ServiceProcess router, String path) throws Exception {
        return ContractJson.mapper().treeToValue(get(router.url() + path).get("counts"), AvailabilityCounts.class);
    }

    /** Counts over all partitions by skill group (or by MRD), as one router would compute them. */
    private static Map<Integer, AvailabilityCounts> sum(Map<Integer, PartitionProjection> rebuilt, ConfigView config,
            boolean skillGroups) {
        Map<Integer, AvailabilityCounts> total = new TreeMap<>();
        config.all(skillGroups ? ConfigKind.SKILL_GROUP : ConfigKind.MRD)
                .forEach(item -> total.put(item.id(), AvailabilityCounts.ZERO));
        for (PartitionProjection p : rebuilt.values()) {
            (skillGroups ? AvailabilityCounter.bySkillGroup(p, config) : AvailabilityCounter.byMrd(p, config))
                    .forEach((id, counts) -> total.merge(id, counts, AvailabilityCounts::plus));
        }
        return total;
    }

    private static void assertPublished(Map<Integer, PartitionProjection> rebuilt, ConfigView config) {
        Map<String, AvailabilityCounts> skillGroups = new TreeMap<>();
        for (ConsumerRecord<String, String> r : readAll(Topics.SKILL_GROUP_AVAILABILITY)) {
            Decoded<SkillGroupAvailability> a = AvailabilityJson.readSkillGroup(r.value());
            assertThat(a.isValid()).isTrue();
            skillGroups.put(r.key(), a.value().counts());
        }
        Map<String, AvailabilityCounts> mrds = new TreeMap<>();
        for (ConsumerRecord<String, String> r : readAll(Topics.MRD_AVAILABILITY)) {
            Decoded<MrdAvailability> a = AvailabilityJson.readMrd(r.value());
            assertThat(a.isValid()).isTrue();
            mrds.put(r.key(), a.value().counts());
        }
        Map<String, AvailabilityCounts> expectedSkillGroups = new TreeMap<>();
        Map<String, AvailabilityCounts> expectedMrds = new TreeMap<>();
        for (PartitionProjection p : rebuilt.values()) {
            AvailabilityCounter.Counts counts = AvailabilityCounter.count(p, config);
            SortedMap<Integer, AvailabilityCounts> sg = counts.bySkillGroup();
            SortedMap<Integer, AvailabilityCounts> mrd = counts.byMrd();
            config.all(ConfigKind.SKILL_GROUP).forEach(item -> expectedSkillGroups.put(
                    SkillGroupAvailability.key(item.id(), p.partition()), sg.getOrDefault(item.id(), AvailabilityCounts.ZERO)));
            config.all(ConfigKind.MRD).forEach(item -> expectedMrds.put(
                    MrdAvailability.key(item.id(), p.partition()), mrd.getOrDefault(item.id(), AvailabilityCounts.ZERO)));
        }
        assertThat(skillGroups).as("latest availability.skill-groups record per skill group/partition")
                .isEqualTo(expectedSkillGroups);
        assertThat(mrds).as("latest availability.mrds record per MRD/partition").isEqualTo(expectedMrds);
    }

    /**
     * The latest record of each agent on the agent-state topic is the one its rebuilt partition gives: whichever
     * router owned the agent, through every move, the last word on it is right.
     */
    private static void assertAgentStatesPublished(Map<Integer, PartitionProjection> rebuilt, ConfigView config)
            throws Exception {
        Map<String, AgentAvailability> latest = new TreeMap<>();
        for (ConsumerRecord<String, String> r : readAll(Topics.AGENT_STATES)) {
            latest.put(r.key(), ContractJson.mapper().readValue(r.value(), AgentAvailability.class));
        }
        Map<String, List<AgentAvailability.Mrd>> expected = new TreeMap<>();
        Map<String, List<AgentAvailability.Mrd>> published = new TreeMap<>();
        for (PartitionProjection p : rebuilt.values()) {
            for (AgentState agent : p.agents()) {
                String key = Integer.toString(agent.icmAgentId());
                expected.put(key, AgentAvailabilities.of(p, agent, config).mrds());
                AgentAvailability record = latest.get(key);
                published.put(key, record == null ? null : record.mrds());
            }
        }
        assertThat(published).as("latest availability.agent-states record per agent").isEqualTo(expected);
    }

    /** What PostgreSQL holds for each partition: checkpoint and agents. */
    private static void assertStoredProjections(Map<Integer, PartitionProjection> rebuilt) throws Exception {
        try (Connection db = DriverManager.getConnection(lab.postgres().jdbcUrl("router"), lab.postgres().username(),
                lab.postgres().password())) {
            for (PartitionProjection expected : rebuilt.values()) {
                try (PreparedStatement cp = db.prepareStatement("select next_offset, anomalies, unavailable_domains "
                        + "from partition_checkpoint where topic = ? and partition_id = ?")) {
                    cp.setString(1, Topics.AGENT_EVENTS);
                    cp.setInt(2, expected.partition());
                    try (ResultSet rs = cp.executeQuery()) {
                        assertThat(rs.next()).as("checkpoint of partition %d", expected.partition()).isTrue();
                        assertThat(rs.getLong(1)).as("stored next offset of partition %d", expected.partition())
                                .isEqualTo(expected.nextOffset());
                        assertThat(rs.getLong(2)).isEqualTo(expected.anomalies());
                        Array domains = rs.getArray(3);
                        assertThat(new TreeSet<>(List.of((Integer[]) domains.getArray())))
                                .isEqualTo(new TreeSet<>(expected.unavailableDomains()));
                    }
                }
                List<AgentState> stored = new ArrayList<>();
                try (PreparedStatement rows = db.prepareStatement(
                        "select state::text from agent_state where partition_id = ? order by icm_agent_id")) {
                    rows.setInt(1, expected.partition());
                    try (ResultSet rs = rows.executeQuery()) {
                        while (rs.next()) {
                            stored.add(ContractJson.mapper().readValue(rs.getString(1), AgentState.class));
                        }
                    }
                }
                assertThat(stored).as("stored agents of partition %d", expected.partition())
                        .containsExactlyElementsOf(expected.agents());
            }
        }
    }

    private static ConfigView configFromTopic() {
        ConfigView view = new ConfigView();
        for (ConsumerRecord<String, String> record : readAll(Topics.CONFIG)) {
            Decoded<ConfigEvent> event = ConfigEventJson.read(record.value());
            if (event.isValid()) {
                view.apply(event.value(), record.offset());
            } else {
                view.skip(record.offset());
            }
        }
        return view;
    }

    /** Every record of the topic up to its end offsets now, in partition and offset order. */
    private static List<ConsumerRecord<String, String>> readAll(String topic) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        TopicReader.readToEnd(KafkaClients.bootstrap(lab.bootstrapServers()), "lab-test-reader", topic,
                Duration.ofSeconds(30), false, records::add);
        records.sort((x, y) -> x.partition() != y.partition() ? Integer.compare(x.partition(), y.partition())
                : Long.compare(x.offset(), y.offset()));
        return records;
    }

    private static void listenerDomainStatus(boolean available) throws Exception {
        lab.send("POST", lab.listener().url() + "/application-paths/5001/mrds/5000/domain-status", "application/json",
                "{\"domainAvailable\":" + available + "}");
    }

    private static void listenerAgent(int agent, String action, String body) throws Exception {
        lab.send("POST", lab.listener().url() + "/agents/" + agent + "/mrds/5000/" + action, "application/json", body);
    }

    private static JsonNode get(String url) throws Exception {
        return ContractJson.mapper().readTree(lab.send("GET", url, null, null));
    }

    private static KafkaProducer<String, String> producer() {
        return KafkaClients.bootstrap(lab.bootstrapServers()).producer("lab-test-producer", Map.of(),
                new StringSerializer(), new StringSerializer());
    }

    /** Sends the event stream in pieces, from the test thread or a pacing thread, and remembers any failure. */
    private static final class Stream implements AutoCloseable {
        private final KafkaProducer<String, String> producer;
        private final RandomAgentEvents events;
        private final ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
        private final AtomicInteger sent = new AtomicInteger();
        private final AtomicReference<Exception> failure = new AtomicReference<>();
        private ScheduledFuture<?> pacing;

        Stream(KafkaProducer<String, String> producer, RandomAgentEvents events) {
            this.producer = producer;
            this.events = events;
        }

        /** Starts or stops sending ten events every 20 ms on the pacing thread. */
        void pace(boolean on) {
            if (on && pacing == null) {
                pacing = pacer.scheduleWithFixedDelay(() -> send(10), 0, 20, TimeUnit.MILLISECONDS);
            } else if (!on && pacing != null) {
                pacing.cancel(false);
                pacing = null;
            }
        }

        synchronized void send(int count) {
            for (ArmEvent event : events.take(count)) {
                producer.send(new ProducerRecord<>(Topics.AGENT_EVENTS, event.key(), ArmEventJson.write(event)),
                        (metadata, e) -> {
                            if (e != null) {
                                failure.compareAndSet(null, e);
                            }
                        });
                sent.incrementAndGet();
            }
        }

        synchronized void malformed() {
            producer.send(new ProducerRecord<>(Topics.AGENT_EVENTS, Integer.toString(FIRST_AGENT),
                    "{this is not an ARM event"));
        }

        int sent() {
            return sent.get();
        }

        void checkSent() {
            producer.flush();
            assertThat(failure.get()).as("every agent event sent").isNull();
        }

        @Override
        public void close() throws InterruptedException {
            pacer.shutdownNow();
            pacer.awaitTermination(10, TimeUnit.SECONDS);
            producer.flush();
        }
    }
}
