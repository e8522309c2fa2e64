package dev.agentavailability.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentavailability.contract.ContractJson;
import dev.agentavailability.contract.topic.Topics;
import dev.agentavailability.kafka.KafkaClients;
import dev.agentavailability.kafka.TopicReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL or the Kafka broker frozen (SIGSTOP, as a hung disk or a paused VM does it): the entry point service
 * goes on answering initialize from memory at once; health checks answer instead of hanging; once the dependency is
 * back every action answered 2xx is on the topic once and applied. Each test has its own agent and entry point.
 */
class FrozenDependencyTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final int SHED_AGENT = 5101;
    /** The lab listener's availability.listener.publishing-slots (its default). */
    private static final int PUBLISHING_SLOTS = 64;
    private static Lab lab;

    @BeforeAll
    static void startLab() throws Exception {
        lab = LabFixture.start(3);
        lab.send("PUT", lab.entrypoint().url() + "/entry-points/9101", "application/json",
                "{\"name\":\"Always open\",\"mrdId\":5000,\"skillGroupIds\":[6928],\"maxQueueDepth\":3}");
        // the Kafka test's agent on a skill group of its own
        lab.send("PUT", lab.router().url() + "/config/skill-groups/7101", "application/json",
                "{\"name\":\"Frozen_Kafka_Chat\",\"mrdId\":5000,\"peripheralNumber\":71101}");
        lab.send("PUT", lab.router().url() + "/config/agents/5033", "application/json",
                "{\"name\":\"ECE.Agent_1005\",\"peripheralNumber\":15004,\"skillGroupIds\":[7101]}");
        lab.send("PUT", lab.entrypoint().url() + "/entry-points/9102", "application/json",
                "{\"name\":\"Always open\",\"mrdId\":5000,\"skillGroupIds\":[7101],\"maxQueueDepth\":3}");
        // the load-shedding test's agent
        lab.send("PUT", lab.router().url() + "/config/agents/" + SHED_AGENT, "application/json",
                "{\"name\":\"ECE.Agent_shed\",\"peripheralNumber\":15101,\"skillGroupIds\":[6928]}");
    }

    @AfterAll
    static void stopLab() throws Exception {
        if (lab != null) {
            signal(postgresProcesses(), "CONT");
            signal(List.of(lab.kafka().pid()), "CONT");
            lab.close();
        }
    }

    @Test
    void initializeGoesOnAndTheRoutersHealthAnswersWhilePostgresIsFrozen() throws Exception {
        agent(6420, "login", "{\"maxTaskLimit\":2,\"agentInfo\":\"6420\"}");
        agent(6420, "routable", "{\"maxTasks\":2}");
        agent(6420, "ready", "{\"makeRoutable\":true}");
        await().atMost(Duration.ofSeconds(30)).until(() -> responseType(9101) == 0);

        List<Long> postgres = postgresProcesses();
        signal(postgres, "STOP");
        try {
            for (int i = 0; i < 5; i++) {
                assertThat(responseType(9101)).as("initialize from memory, PostgreSQL frozen").isEqualTo(0);
            }
            await("the router's readiness answers DOWN").atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(500)).until(() -> status(lab.router().url() + "/q/health/ready") == 503);
            // an action meanwhile: stored in Kafka, applied by the router once PostgreSQL is back
            agent(6420, "not-ready", "{\"reasonCode\":5}");
        } finally {
            signal(postgres, "CONT");
        }
        await("the router ready again").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> status(lab.router().url() + "/q/health/ready") == 200);
        await("the not-ready applied").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> responseType(9101) == 1);
    }

    @Test
    void healthAnswersAndInitializeGoesOnWhileKafkaIsFrozenAndAnActionAnswered2xxIsStoredOnce() throws Exception {
        agent(5033, "login", "{\"maxTaskLimit\":1,\"agentInfo\":\"1005\"}");
        agent(5033, "routable", "{\"maxTasks\":1}");
        agent(5033, "ready", "{\"makeRoutable\":true}");
        await().atMost(Duration.ofSeconds(30)).until(() -> responseType(9102) == 0);

        List<Long> broker = List.of(lab.kafka().pid());
        CompletableFuture<HttpResponse<String>> action;
        signal(broker, "STOP");
        try {
            for (int i = 0; i < 5; i++) {
                assertThat(responseType(9102)).as("initialize from memory, Kafka frozen").isEqualTo(0);
            }
            for (ServiceProcess service : List.of(lab.listener(), lab.router(), lab.entrypoint())) {
                assertThat(status(service.url() + "/q/health/ready")).as("%s health answers", service.name())
                        .isNotEqualTo(-1);
            }
            // an action while Kafka is frozen: it waits for Kafka, which comes back before its publish timeout
            action = HTTP.sendAsync(HttpRequest.newBuilder(URI.create(lab.listener().url()
                    + "/agents/5033/mrds/5000/not-ready")).timeout(Duration.ofSeconds(60))
                    .header("Authorization", lab.users().admin().credentials().authorization())
                    .header("Content-Type", "application/json").header("Idempotency-Key", "frozen-kafka-1")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"reasonCode\":5}")).build(),
                    HttpResponse.BodyHandlers.ofString());
        } finally {
            signal(broker, "CONT");
        }
        HttpResponse<String> answered = action.get(60, TimeUnit.SECONDS);
        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
        String eventId = ContractJson.mapper().readTree(answered.body()).at("/published/0/eventId").asText();
        await("the not-ready applied").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> responseType(9102) == 1);
        long copies = copiesOnTheAgentEventTopic(eventId);
        assertThat(copies).as("event %s on the topic", eventId).isEqualTo(1);
    }

    /**
     * Actions that would wait on a frozen Kafka take at most the listener's publishing slots: the rest are refused at
     * once with 503 and Retry-After, nothing written, and a read that needs only memory still answers.
     */
    @Test
    void whileKafkaIsFrozenActionsPastThePublishingSlotsAre503AtOnceAndReadsGoOn() throws Exception {
        await("agent " + SHED_AGENT + " configured in the listener").atMost(Duration.ofSeconds(30))
                .ignoreExceptions().untilAsserted(() -> agent(SHED_AGENT, "login", "{\"maxTaskLimit\":1}"));
        long before = eventsOf(SHED_AGENT);
        int actions = PUBLISHING_SLOTS + 16;
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        List<Long> broker = List.of(lab.kafka().pid());
        signal(broker, "STOP");
        try {
            for (int i = 0; i < actions; i++) {
                answers.add(HTTP.sendAsync(HttpRequest.newBuilder(URI.create(lab.listener().url() + "/agents/"
                        + SHED_AGENT + "/mrds/5000/" + (i % 2 == 0 ? "not-ready" : "ready")))
                        .timeout(Duration.ofSeconds(90))
                        .header("Authorization", lab.users().admin().credentials().authorization())
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(i % 2 == 0 ? "{\"reasonCode\":5}" : "{}")).build(),
                        HttpResponse.BodyHandlers.ofString()));
            }
            await("the actions past the slots refused while Kafka is still frozen").atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> answers.stream().filter(CompletableFuture::isDone).count() >= actions - PUBLISHING_SLOTS);
            HttpResponse<String> read = HTTP.send(HttpRequest.newBuilder(URI.create(lab.listener().url() + "/agents/"
                    + SHED_AGENT)).timeout(Duration.ofSeconds(3))
                    .header("Authorization", lab.users().admin().credentials().authorization()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(read.statusCode()).as("a read from memory while every slot waits on Kafka").isEqualTo(200);
        } finally {
            signal(broker, "CONT");
        }
        List<HttpResponse<String>> answered = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> answer : answers) {
            answered.add(answer.get(90, TimeUnit.SECONDS));
        }
        List<HttpResponse<String>> shed = answered.stream().filter(a -> a.statusCode() == 503).toList();
        assertThat(shed).as("refused for want of a slot").hasSizeGreaterThanOrEqualTo(actions - PUBLISHING_SLOTS)
                .allSatisfy(a -> {
                    assertThat(a.body()).contains("nothing was written", "publishing-slots");
                    assertThat(a.headers().firstValue("Retry-After")).hasValue("5");
                });
        long ok = answered.stream().filter(a -> a.statusCode() == 200).count();
        assertThat(answered).as("every answer is 200, a refusal of the state (409) or a shed 503")
                .allSatisfy(a -> assertThat(a.statusCode()).isIn(200, 409, 503));
        assertThat(ok).as("actions that waited their turn and were stored").isPositive();
        await("the stored actions on the topic").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(eventsOf(SHED_AGENT) - before).isEqualTo(ok));
    }

    private static void agent(int agent, String action, String body) throws Exception {
        lab.send("POST", lab.listener().url() + "/agents/" + agent + "/mrds/5000/" + action, "application/json", body);
    }

    /** initialize's responseType, answered within one second or failing. */
    private static int responseType(int entryPoint) throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(lab.entrypoint().url()
                + "/system/egain/chat/entrypoint/initialize/" + entryPoint)).timeout(Duration.ofSeconds(1)).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode json = ContractJson.mapper().readTree(answer.body());
        return json.at("/checkEligibility/responseType").asInt(-1);
    }

    /** The status of a GET answered within three seconds, or -1 when it does not answer in time. */
    private static int status(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception noAnswer) {
            return -1;
        }
    }

    /** The agent's records on the agent-event topic (its key is the ICM agent id). */
    private static long eventsOf(int agent) {
        AtomicLong events = new AtomicLong();
        TopicReader.readToEnd(KafkaClients.bootstrap(lab.bootstrapServers()), "frozen-dependency-test",
                Topics.AGENT_EVENTS, Duration.ofSeconds(30), true, record -> {
                    if (Integer.toString(agent).equals(record.key())) {
                        events.incrementAndGet();
                    }
                });
        return events.get();
    }

    private static long copiesOnTheAgentEventTopic(String eventId) {
        AtomicLong copies = new AtomicLong();
        TopicReader.readToEnd(KafkaClients.bootstrap(lab.bootstrapServers()), "frozen-dependency-test",
                Topics.AGENT_EVENTS, Duration.ofSeconds(30), true, record -> {
                    if (record.value() != null && record.value().contains(eventId)) {
                        copies.incrementAndGet();
                    }
                });
        return copies.get();
    }

    /** The postmaster and every backend: stopping only the postmaster leaves the sessions answering. */
    private static List<Long> postgresProcesses() {
        List<Long> pids = new ArrayList<>(List.of(lab.postgres().pid()));
        ProcessHandle.of(lab.postgres().pid()).ifPresent(postmaster -> postmaster.descendants()
                .forEach(backend -> pids.add(backend.pid())));
        return pids;
    }

    private static void signal(List<Long> pids, String name) throws Exception {
        List<String> command = new ArrayList<>(List.of("kill", "-" + name));
        pids.forEach(pid -> command.add(Long.toString(pid)));
        Process kill = new ProcessBuilder(command).inheritIO().start();
        assertThat(kill.waitFor()).as("kill -%s", name).isZero();
    }
}
