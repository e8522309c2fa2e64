package dev.agentavailability.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentavailability.contract.ContractJson;
import dev.agentavailability.contract.topic.Topics;
import dev.agentavailability.kafka.KafkaClients;
import dev.agentavailability.projection.PartitionProjection;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A dependency stopped, a service killed, and each brought back: PostgreSQL stopped under the running services, and
 * the entry point service SIGKILLed and started again. Each test has its own skill group, agent and entry points.
 */
class OutageRecoveryTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final int DB_AGENT = 5111;
    private static final int DB_ENTRY_POINT = 9111;
    private static final int UNSTORED_ENTRY_POINT = 9114;
    private static final int RESTART_AGENT = 5112;
    private static final int AVAILABLE_ENTRY_POINT = 9112;
    private static final int EMPTY_ENTRY_POINT = 9113;
    /** The readiness probes' period in deploy/base: readiness must have turned by the next probe. */
    private static final Duration PROBE_PERIOD = Duration.ofSeconds(5);
    /** How long PostgreSQL stays stopped: past the 60 s a Kafka record may wait for its ack by default. */
    private static final Duration OUTAGE = Duration.ofSeconds(65);

    private static Lab lab;

    @BeforeAll
    static void startLab() throws Exception {
        lab = LabFixture.start(3);
        skillGroupWithEntryPoint(7111, DB_ENTRY_POINT);
        agentIn(DB_AGENT, 7111);
        skillGroupWithEntryPoint(7112, AVAILABLE_ENTRY_POINT);
        agentIn(RESTART_AGENT, 7112);
        skillGroupWithEntryPoint(7113, EMPTY_ENTRY_POINT); // no agent: its answer is "none available"
    }

    @AfterAll
    static void stopLab() {
        if (lab != null) {
            lab.close();
        }
    }

    /**
     * PostgreSQL stopped for more than a minute: initialize goes on from memory, the router's readiness is DOWN by
     * the next probe and the entry point service's says its database is gone; actions meanwhile are stored in Kafka,
     * and the router applies none of them (it cannot store them) and commits nothing past its checkpoint. Once
     * PostgreSQL is back, the router applies them all, once: its projection is the topic's replay.
     */
    @Test
    void postgresStoppedPausesTheRouterWithoutSkippingOrCommittingAndItResumesOnceBack() throws Exception {
        readyAgent(DB_AGENT);
        await().atMost(Duration.ofSeconds(30)).until(() -> responseType(DB_ENTRY_POINT) == 0);
        await("the router has applied every event").atMost(Duration.ofSeconds(30))
                .until(() -> LabFixture.appliedOffsets(lab) == endOffsets());
        long applied = LabFixture.appliedOffsets(lab);

        lab.stopPostgres();
        long stopped = System.nanoTime();
        long routerDown;
        int actions = 21;
        try {
            for (int i = 0; i < 5; i++) {
                assertThat(responseType(DB_ENTRY_POINT)).as("initialize from memory, PostgreSQL stopped").isZero();
            }
            await("the router's readiness answers DOWN").atMost(PROBE_PERIOD).pollInterval(Duration.ofMillis(100))
                    .until(() -> status(lab.router().url() + "/q/health/ready") == 503);
            routerDown = System.nanoTime();
            JsonNode entryPointHealth = health(lab.entrypoint());
            assertThat(entryPointHealth.get("status").asText()).as("the entry point service stays in service")
                    .isEqualTo("UP");
            assertThat(check(entryPointHealth, "database").at("/data/database").asText())
                    .as("its readiness says the database is gone").startsWith("unreachable");

            HttpResponse<String> change = HTTP.send(HttpRequest.newBuilder(URI.create(lab.entrypoint().url()
                    + "/entry-points/" + UNSTORED_ENTRY_POINT)).timeout(Duration.ofSeconds(30))
                    .header("Authorization", lab.users().admin().credentials().authorization())
                    .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(
                            "{\"name\":\"Never stored\",\"mrdId\":5000,\"skillGroupIds\":[7111]}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(change.statusCode()).as("an entry point change without its database: " + change.body())
                    .isEqualTo(503);
            assertThat(change.headers().firstValue("Retry-After")).isPresent();
            assertThat(change.headers().firstValue("Content-Type")).hasValue("application/problem+json");

            // not ready, ready, ... : 21 actions, the last one not ready
            for (int i = 0; i < actions; i++) {
                agent(DB_AGENT, i % 2 == 0 ? "not-ready" : "ready",
                        i % 2 == 0 ? "{\"reasonCode\":5}" : "{\"makeRoutable\":true}");
            }
            assertThat(endOffsets()).as("every action stored in Kafka").isEqualTo(applied + actions);
            assertThat(LabFixture.appliedOffsets(lab)).as("the router applies nothing it cannot store")
                    .isEqualTo(applied);
            assertThat(committedOffsets()).as("the router commits nothing past its stored checkpoint")
                    .isLessThanOrEqualTo(applied);
            assertThat(responseType(DB_ENTRY_POINT)).as("the answer stays the last stored one").isZero();
            // PostgreSQL stays down until the router has failed to reach it and tried again: the path under test
            await("the router waits for PostgreSQL").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                    .until(() -> databaseWaits() > 0);
            // Held past a minute, the Kafka connector's default limit on a record waiting for its ack, which closed
            // the router's consumer for good when an outage reached it: nothing is applied, and initialize goes on.
            await("a minute without PostgreSQL").during(OUTAGE).atMost(OUTAGE.plusSeconds(15))
                    .pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                        assertThat(LabFixture.appliedOffsets(lab)).as("still nothing applied").isEqualTo(applied);
                        assertThat(responseType(DB_ENTRY_POINT)).isZero();
                    });
            assertThat(committedOffsets()).isLessThanOrEqualTo(applied);
        } finally {
            lab.startPostgres();
        }
        long back = System.nanoTime();
        lab.router().awaitReady(Duration.ofMinutes(1));
        long ready = System.nanoTime();
        long caughtUp = AgentEventReplay.assertRouterIsTheReplay(lab, false);
        await("the last action answered").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> responseType(DB_ENTRY_POINT) == 1);
        long answered = System.nanoTime();
        assertThat(status(lab.entrypoint().url() + "/system/egain/chat/entrypoint/initialize/" + UNSTORED_ENTRY_POINT))
                .as("the refused change left nothing behind").isEqualTo(404);
        await("the entry point service's readiness says the database is back").atMost(Duration.ofSeconds(10))
                .until(() -> check(health(lab.entrypoint()), "database").at("/data/database").asText()
                        .equals("reachable"));
        System.out.printf("OutageRecoveryTest: PostgreSQL stopped: router DOWN after %d ms; back after %d ms: router "
                + "ready %d ms, caught up %d ms, initialize answers the last action %d ms after PostgreSQL was back%n",
                millis(routerDown - stopped), millis(back - stopped), millis(ready - back), millis(caughtUp - back),
                millis(answered - back));
    }

    /**
     * The entry point service killed and started again: until it is ready each initialize is 503 with Retry-After
     * (never an answer from a half-read view), and once ready each is the answer from before the kill.
     */
    @Test
    void aKilledEntryPointServiceAnswersAsBeforeOnceReadyAndNothingElseBefore() throws Exception {
        readyAgent(RESTART_AGENT);
        await().atMost(Duration.ofSeconds(30)).until(() -> responseType(AVAILABLE_ENTRY_POINT) == 0);
        Map<Integer, String> before = new LinkedHashMap<>();
        for (int entryPoint : List.of(AVAILABLE_ENTRY_POINT, EMPTY_ENTRY_POINT)) {
            HttpResponse<String> answer = initialize(entryPoint);
            assertThat(answer.statusCode()).isEqualTo(200);
            before.put(entryPoint, answer.body());
        }
        assertThat(ContractJson.mapper().readTree(before.get(EMPTY_ENTRY_POINT))
                .at("/checkEligibility/responseType").asInt()).isNotZero();

        ServiceProcess entrypoint = lab.entrypoint();
        entrypoint.kill();
        long killed = System.nanoTime();
        entrypoint.start();
        Calls calls = new Calls();
        await("the entry point service ready, never answering wrong before").atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(20)).until(() -> {
                    assertThat(entrypoint.isAlive()).as(entrypoint.logTail(20)).isTrue();
                    for (Map.Entry<Integer, String> expected : before.entrySet()) {
                        calls.check(expected.getKey(), expected.getValue());
                    }
                    return status(entrypoint.url() + "/q/health/ready") == 200;
                });
        long ready = System.nanoTime();
        for (Map.Entry<Integer, String> expected : before.entrySet()) {
            assertThat(initialize(expected.getKey()).body()).as("entry point %d once ready", expected.getKey())
                    .isEqualTo(expected.getValue());
        }
        System.out.printf("OutageRecoveryTest: entry point service SIGKILLed and started: ready %d ms after the kill; "
                + "meanwhile %d calls not listening, %d answered 503, first 200 %s%n", millis(ready - killed),
                calls.notListening, calls.refused, calls.firstAnswer == 0 ? "after ready"
                        : millis(calls.firstAnswer - killed) + " ms after the kill");
    }

    /** What initialize answered while the entry point service started: never a wrong answer. */
    private static final class Calls {
        int notListening;
        int refused;
        long firstAnswer;

        void check(int entryPoint, String expected) throws InterruptedException {
            HttpResponse<String> answer;
            try {
                answer = initialize(entryPoint);
            } catch (IOException notYet) {
                notListening++;
                return;
            }
            if (answer.statusCode() == 503) {
                assertThat(answer.headers().firstValue("Retry-After")).as("503 says when to retry").isPresent();
                refused++;
                return;
            }
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            assertThat(answer.body()).as("an answer before readiness is the right one").isEqualTo(expected);
            firstAnswer = firstAnswer == 0 ? System.nanoTime() : firstAnswer;
        }
    }

    private static void skillGroupWithEntryPoint(int skillGroup, int entryPoint) throws Exception {
        lab.send("PUT", lab.router().url() + "/config/skill-groups/" + skillGroup, "application/json",
                "{\"name\":\"Outage_" + skillGroup + "\",\"mrdId\":5000,\"peripheralNumber\":" + (70000 + skillGroup) + "}");
        lab.send("PUT", lab.entrypoint().url() + "/entry-points/" + entryPoint, "application/json",
                "{\"name\":\"Always open\",\"mrdId\":5000,\"skillGroupIds\":[" + skillGroup + "],\"maxQueueDepth\":3}");
    }

    private static void agentIn(int agent, int skillGroup) throws Exception {
        lab.send("PUT", lab.router().url() + "/config/agents/" + agent, "application/json",
                "{\"name\":\"Outage_" + agent + "\",\"peripheralNumber\":" + (10000 + agent) + ",\"skillGroupIds\":["
                        + skillGroup + "]}");
    }

    private static void readyAgent(int agent) throws Exception {
        agent(agent, "login", "{\"maxTaskLimit\":2,\"agentInfo\":\"" + agent + "\"}");
        agent(agent, "routable", "{\"maxTasks\":2}");
        agent(agent, "ready", "{\"makeRoutable\":true}");
    }

    private static void agent(int agent, String action, String body) throws Exception {
        lab.send("POST", lab.listener().url() + "/agents/" + agent + "/mrds/5000/" + action, "application/json", body);
    }

    private static HttpResponse<String> initialize(int entryPoint) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(lab.entrypoint().url()
                + "/system/egain/chat/entrypoint/initialize/" + entryPoint)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int responseType(int entryPoint) throws Exception {
        HttpResponse<String> answer = initialize(entryPoint);
        return answer.statusCode() != 200 ? -1
                : ContractJson.mapper().readTree(answer.body()).at("/checkEligibility/responseType").asInt(-1);
    }

    private static JsonNode health(ServiceProcess service) throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(service.url() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        return ContractJson.mapper().readTree(answer.body());
    }

    private static JsonNode check(JsonNode health, String name) {
        for (JsonNode check : health.get("checks")) {
            if (check.get("name").asText().equals(name)) {
                return check;
            }
        }
        throw new AssertionError("no check " + name + " in " + health);
    }

    private static int status(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static long endOffsets() {
        return AgentEventReplay.rebuild(lab).values().stream().mapToLong(PartitionProjection::nextOffset).sum();
    }

    /** The router group's committed offsets on the agent-event topic, summed. */
    private static long committedOffsets() throws Exception {
        try (Admin admin = KafkaClients.bootstrap(lab.bootstrapServers()).admin("lab-test-admin", Duration.ofSeconds(10))) {
            Map<org.apache.kafka.common.TopicPartition, OffsetAndMetadata> offsets = admin
                    .listConsumerGroupOffsets("router").partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            return offsets.entrySet().stream().filter(e -> e.getKey().topic().equals(Topics.AGENT_EVENTS))
                    .filter(e -> e.getValue() != null).mapToLong(e -> e.getValue().offset()).sum();
        }
    }

    /** The router's availability_database_waits_total: database calls it ran again for want of PostgreSQL. */
    private static double databaseWaits() throws Exception {
        String metrics = lab.send("GET", lab.router().url() + "/q/metrics", null, null);
        return metrics.lines().filter(line -> line.startsWith("availability_database_waits_total"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    private static long millis(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }
}
