package dev.agentavailability.lab;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentavailability.contract.ContractJson;
import dev.agentavailability.contract.Decoded;
import dev.agentavailability.contract.arm.ArmEvent;
import dev.agentavailability.contract.arm.ArmEventJson;
import dev.agentavailability.contract.arm.ArmMessage;
import dev.agentavailability.contract.topic.Topics;
import dev.agentavailability.kafka.KafkaClients;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every REST endpoint of the three services, fuzzed from their OpenAPI documents ({@link RestCases}) as admin, so
 * that the checks of the input, not of the caller, are what is tried. Each answer must be below 500; each refusal
 * problem details with its status; a refused state-changing call must write nothing to the topics calls write
 * (config, entry points, agent events). Seed and count: {@code -Drestfuzz.seed}, {@code -Drestfuzz.cases} (CI runs
 * the default seed; {@code bin/fuzz rest} runs 100,000 cases).
 */
class RestFuzzTest {

    private static final long SEED = Long.getLong("restfuzz.seed", 20261203L);
    private static final int CASES = Integer.getInteger("restfuzz.cases", 1500);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final List<String> WRITTEN_BY_CALLS = List.of(Topics.CONFIG, Topics.ENTRY_POINTS,
            Topics.AGENT_EVENTS);
    private static Lab lab;
    private static KafkaConsumer<String, String> topics;
    private static List<TopicPartition> partitions;

    @BeforeAll
    static void startLab() throws Exception {
        lab = LabFixture.start(3);
        topics = KafkaClients.bootstrap(lab.bootstrapServers()).reader("rest-fuzz", Duration.ofSeconds(30));
        partitions = new ArrayList<>();
        for (String topic : WRITTEN_BY_CALLS) {
            topics.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
    }

    @AfterAll
    static void stopLab() {
        if (topics != null) {
            topics.close();
        }
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    void noCaseGetsA5xxEveryRefusalIsAProblemAndNoRefusedCallWritesAnything() throws Exception {
        List<RestCases.Operation> operations = new ArrayList<>();
        Map<String, JsonNode> schemas = new HashMap<>();
        for (ServiceProcess service : List.of(lab.listener(), lab.router(), lab.entrypoint())) {
            JsonNode document = ContractJson.mapper().readTree(lab.send("GET", service.url() + "/q/openapi?format=json",
                    null, null));
            operations.addAll(RestCases.operations(service.url(), document));
            RestCases.collectSchemas(document, schemas);
        }
        assertThat(operations).as("operations in the API documents").hasSizeGreaterThan(30);
        RestCases cases = new RestCases(operations, schemas, SEED);
        List<String> findings = new ArrayList<>();
        Map<String, Integer> byStatus = new TreeMap<>();
        long started = System.nanoTime();
        for (int n = 1; n <= CASES; n++) {
            RestCases.Case c = cases.next(n);
            Map<TopicPartition, Long> before = c.operation().changesState() ? topics.endOffsets(partitions) : null;
            Answer answer;
            try {
                answer = send(request(c));
            } catch (IOException noAnswer) {
                findings.add(c + ": no answer (" + noAnswer + ")");
                continue;
            }
            int status = answer.statusCode();
            byStatus.merge(status / 100 + "xx", 1, Integer::sum);
            if (status >= 500) {
                findings.add(c + ": " + status + " " + abbreviated(answer.body()));
            } else if (status >= 400) {
                String problem = problemFault(answer);
                if (problem != null) {
                    findings.add(c + ": " + status + " " + problem);
                }
                if (before != null) {
                    String written = writtenSince(before);
                    if (written != null) {
                        findings.add(c + ": refused with " + status + " but wrote " + written);
                    }
                }
            }
            if (findings.size() >= 30) {
                break;
            }
        }
        System.out.printf("RestFuzzTest: seed %d, %d cases over %d operations in %d s: %s; %d findings%n", SEED,
                CASES, operations.size(), Duration.ofNanos(System.nanoTime() - started).toSeconds(), byStatus,
                findings.size());
        assertThat(findings).as("findings").isEmpty();
    }

    /** The answer with its body; an event stream (board, answers) is not read past its status: it does not end. */
    private static Answer send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<java.io.InputStream> answer = HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
        String body;
        try (java.io.InputStream in = answer.body()) {
            boolean stream = answer.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream");
            body = stream ? "" : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        return new Answer(answer.statusCode(), answer.headers(), body);
    }

    /** An answer as the checks read it. */
    private record Answer(int statusCode, java.net.http.HttpHeaders headers, String body) {
    }

    private static HttpRequest request(RestCases.Case c) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(c.operation().baseUrl() + c.path()))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", lab.users().admin().credentials().authorization());
        if (c.contentType() != null && !c.contentType().isEmpty()) {
            request.header("Content-Type", c.contentType());
        }
        HttpRequest.BodyPublisher body = c.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(c.body());
        return request.method(c.operation().method(), body).build();
    }

    /** What is wrong with a refusal's body, or null when it is problem details of its status. */
    private static String problemFault(Answer answer) {
        String type = answer.headers().firstValue("Content-Type").orElse("");
        if (!type.startsWith("application/problem+json")) {
            return "refused with Content-Type '" + type + "': " + abbreviated(answer.body());
        }
        try {
            JsonNode problem = ContractJson.mapper().readTree(answer.body());
            return problem.path("status").asInt() == answer.statusCode() ? null
                    : "problem status " + problem.path("status") + ": " + abbreviated(answer.body());
        } catch (IOException notJson) {
            return "problem body is not JSON: " + abbreviated(answer.body());
        }
    }

    /**
     * Records written to the call-written topics since {@code before}, or null. An OFFER_TASK_IND is not the call's:
     * the listener writes it by itself when the router assigns a chat that an earlier accepted call started.
     */
    private static String writtenSince(Map<TopicPartition, Long> before) {
        Map<TopicPartition, Long> after = topics.endOffsets(partitions);
        List<String> written = new ArrayList<>();
        for (TopicPartition partition : partitions) {
            long from = before.get(partition);
            long to = after.get(partition);
            if (to == from) {
                continue;
            }
            if (!partition.topic().equals(Topics.AGENT_EVENTS)) {
                written.add((to - from) + " record(s) on " + partition);
                continue;
            }
            topics.assign(List.of(partition));
            topics.seek(partition, from);
            long read = from;
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (read < to && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : topics.poll(Duration.ofSeconds(5))) {
                    read = record.offset() + 1;
                    Decoded<ArmEvent> event = ArmEventJson.read(record.value());
                    if (record.offset() < to && !(event.isValid()
                            && event.value().message() == ArmMessage.OFFER_TASK_IND)) {
                        written.add(partition + "@" + record.offset() + " " + abbreviated(record.value()));
                    }
                }
            }
        }
        return written.isEmpty() ? null : String.join("; ", written);
    }

    private static String abbreviated(String text) {
        return text == null ? "" : text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
