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
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Agent actions through five broker crashes (SIGKILL, then a new broker over the same data) and one freeze, sent as
 * a careful client sends them: each with an Idempotency-Key, sent again with the same key after a 503 or a 504
 * until it is answered 2xx. Every action ends stored; no 503 was an action that happened (its retry would have
 * written a second copy); a 2xx is on the topic once, or twice only after a 504 whose first copy was stored after
 * all, and then the router applied it once.
 */
class BrokerRestartTest {

    private static final int AGENTS = 8;
    private static final int FIRST_AGENT = 5201;
    private static final int ACTIONS = 5000;
    private static final int RESTARTS = 5;
    private static final Pattern EVENT_ID = Pattern.compile("\"eventId\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static Lab lab;

    @BeforeAll
    static void startLab() throws Exception {
        lab = LabFixture.start(3);
        for (int agent = FIRST_AGENT; agent < FIRST_AGENT + AGENTS; agent++) {
            lab.send("PUT", lab.router().url() + "/config/agents/" + agent, "application/json",
                    "{\"name\":\"Restart_" + agent + "\",\"peripheralNumber\":" + (16000 + agent)
                            + ",\"skillGroupIds\":[6928]}");
        }
    }

    @AfterAll
    static void stopLab() {
        if (lab != null) {
            lab.close();
        }
    }

    /** What one action ended as, and what it met on the way. */
    record Outcome(String key, int agent, String eventId, List<Integer> statuses) {
        boolean met(int status) {
            return statuses.contains(status);
        }
    }

    @Test
    void actionsThroughFiveBrokerCrashesAndAFreezeAreEachStoredAndAppliedOnce() throws Exception {
        for (int agent = FIRST_AGENT; agent < FIRST_AGENT + AGENTS; agent++) {
            int id = agent;
            await("agent " + id + " configured in the listener").atMost(Duration.ofSeconds(30)).ignoreExceptions()
                    .untilAsserted(() -> lab.send("POST", lab.listener().url() + "/agents/" + id
                            + "/mrds/5000/login", "application/json", "{\"maxTaskLimit\":2}"));
        }
        AtomicInteger sent = new AtomicInteger();
        List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        ExecutorService clients = Executors.newFixedThreadPool(AGENTS);
        List<Future<?>> running = new ArrayList<>();
        long started = System.nanoTime();
        for (int a = 0; a < AGENTS; a++) {
            int agent = FIRST_AGENT + a;
            running.add(clients.submit(() -> {
                for (int n = 0; sent.getAndIncrement() < ACTIONS; n++) {
                    outcomes.add(act(agent, n));
                }
                return null;
            }));
        }
        List<String> faults = new ArrayList<>();
        for (int restart = 1; restart <= RESTARTS + 1; restart++) {
            int answeredBefore = outcomes.size();
            await("actions answered between two faults").atMost(Duration.ofMinutes(2))
                    .until(() -> outcomes.size() >= answeredBefore + ACTIONS / (RESTARTS + 3));
            long at = System.nanoTime();
            if (restart <= RESTARTS) {
                lab.killAndRestartKafka();
                faults.add("crash " + restart + ": new broker up after " + millisSince(at) + " ms");
            } else {
                freezeKafka(Duration.ofSeconds(5));
                faults.add("freeze: 5000 ms");
            }
            int answeredAtFault = outcomes.size();
            await("an action answered after the fault").atMost(Duration.ofMinutes(2))
                    .until(() -> outcomes.size() > answeredAtFault);
            faults.set(faults.size() - 1, faults.get(faults.size() - 1) + ", next answer "
                    + millisSince(at) + " ms after the fault began");
        }
        for (Future<?> client : running) {
            client.get(5, TimeUnit.MINUTES);
        }
        clients.shutdown();
        long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));

        Map<String, Long> copies = copiesOnTheAgentEventTopic();
        long retried503 = outcomes.stream().filter(o -> o.met(503)).count();
        long retried504 = outcomes.stream().filter(o -> o.met(504)).count();
        System.out.printf("BrokerRestartTest: %d actions in %d s through %s; %d met a 503 and %d a 504 before 2xx%n",
                outcomes.size(), seconds, faults, retried503, retried504);

        assertThat(outcomes).hasSize(ACTIONS).allSatisfy(o -> {
            assertThat(o.eventId()).as("%s ended stored", o.key()).isNotNull();
            long onTopic = copies.getOrDefault(o.eventId(), 0L);
            if (o.met(504)) {
                assertThat(onTopic).as("%s (a 504 on the way) on the topic", o.key()).isBetween(1L, 2L);
            } else {
                // a 503 said nothing was written: had it been, the retry would have written a second copy
                assertThat(onTopic).as("%s (statuses %s) on the topic", o.key(), o.statuses()).isEqualTo(1L);
            }
        });
        long repeats = copies.values().stream().mapToLong(c -> c - 1).sum();
        await("the router applied everything").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                .until(() -> LabFixture.appliedOffsets(lab) >= endOffsets());
        assertThat(duplicateAnomalies()).as("second copies recorded as repeats, not applied").isEqualTo(repeats);
    }

    /** One action, sent with its key until it is answered 2xx; 503 and 504 are sent again. */
    private static Outcome act(int agent, int n) throws Exception {
        String key = "restart-" + agent + "-" + n;
        boolean ready = n % 2 == 1;
        List<Integer> statuses = new ArrayList<>();
        for (int attempt = 0; attempt < 40; attempt++) {
            HttpResponse<String> answer;
            try {
                answer = HTTP.send(HttpRequest.newBuilder(URI.create(lab.listener().url() + "/agents/" + agent
                        + "/mrds/5000/" + (ready ? "ready" : "not-ready"))).timeout(Duration.ofSeconds(60))
                        .header("Authorization", lab.users().admin().credentials().authorization())
                        .header("Content-Type", "application/json").header("Idempotency-Key", key)
                        .POST(HttpRequest.BodyPublishers.ofString(ready ? "{}" : "{\"reasonCode\":3}")).build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (java.io.IOException noAnswer) {
                statuses.add(-1);
                continue;
            }
            statuses.add(answer.statusCode());
            if (answer.statusCode() / 100 == 2) {
                Matcher id = EVENT_ID.matcher(answer.body());
                return new Outcome(key, agent, id.find() ? id.group(1) : null, statuses);
            }
            assertThat(answer.statusCode()).as("%s: %s", key, answer.body()).isIn(503, 504);
            // the client's back-off before it sends the action again, not a wait for the test
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(250));
        }
        return new Outcome(key, agent, null, statuses);
    }

    private static void freezeKafka(Duration howLong) throws Exception {
        signal(lab.kafka().pid(), "STOP");
        try {
            LockSupport.parkNanos(howLong.toNanos()); // the fault's length, not a wait for a condition
        } finally {
            signal(lab.kafka().pid(), "CONT");
        }
    }

    private static void signal(long pid, String name) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(pid)).inheritIO().start();
        assertThat(kill.waitFor()).as("kill -%s %d", name, pid).isZero();
    }

    private static long millisSince(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanos);
    }

    /** How often each event id is on the agent-event topic. */
    private static Map<String, Long> copiesOnTheAgentEventTopic() {
        Map<String, Long> copies = new ConcurrentHashMap<>();
        TopicReader.readToEnd(KafkaClients.bootstrap(lab.bootstrapServers()), "broker-restart-test",
                Topics.AGENT_EVENTS, Duration.ofSeconds(60), true, record -> {
                    Matcher id = record.value() == null ? null : EVENT_ID.matcher(record.value());
                    if (id != null && id.find()) {
                        copies.merge(id.group(1), 1L, Long::sum);
                    }
                });
        return copies;
    }

    private static long endOffsets() {
        Map<Integer, Long> ends = new HashMap<>();
        TopicReader.readToEnd(KafkaClients.bootstrap(lab.bootstrapServers()), "broker-restart-test-ends",
                Topics.AGENT_EVENTS, Duration.ofSeconds(60), true,
                record -> ends.merge(record.partition(), record.offset() + 1, Math::max));
        return ends.values().stream().mapToLong(Long::longValue).sum();
    }

    private static long duplicateAnomalies() throws Exception {
        JsonNode anomalies = ContractJson.mapper().readTree(lab.send("GET", lab.router().url()
                + "/projection/anomalies?limit=10000", null, null));
        long duplicates = 0;
        for (JsonNode anomaly : anomalies) {
            if ("DUPLICATE_EVENT".equals(anomaly.path("status").asText())) {
                duplicates++;
            }
        }
        return duplicates;
    }
}
