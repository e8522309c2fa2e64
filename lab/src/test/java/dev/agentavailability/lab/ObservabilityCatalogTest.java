package dev.agentavailability.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.agentavailability.contract.topic.Topics;
import dev.agentavailability.kafka.KafkaClients;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Grafana dashboard and the Prometheus alert rules use only what the services expose: every metric their
 * expressions name is in some service's {@code /q/metrics}, with every label they select or group by. The lab
 * first makes each labelled series exist (an agent made available, an answer, a waiting chat, a refusal, a dead
 * letter), as a day of traffic would.
 */
class ObservabilityCatalogTest {

    private static final Path DASHBOARD = LabFixture.REPO_ROOT.resolve("deploy/observability/grafana-dashboard.json");
    private static final Path RULES = LabFixture.REPO_ROOT.resolve("deploy/overlays/production/alert-rules.yaml");
    private static final Pattern METRIC = Pattern.compile("\\b(availability_[a-z_]+)\\b");
    private static final Pattern SELECTOR = Pattern.compile("(availability_[a-z_]+)\\{([^}]*)}");
    private static final Pattern MATCHER = Pattern.compile("(\\w+)\\s*(?:=~|!~|!=|=)");
    private static final Pattern GROUPING = Pattern.compile("\\b(?:by|without)\\s*\\(([^)]*)\\)");
    /** One exposed series: its name and its labels, as the Prometheus text format writes it. */
    private static final Pattern SERIES = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?\\s");
    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"");

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
    void everyMetricAndLabelOfTheDashboardAndTheAlertRulesIsExposed() throws Exception {
        makeEverySeriesExist();
        List<String> expressions = expressions();
        assertThat(expressions).as("expressions of the dashboard and the rules").hasSizeGreaterThan(8);

        Map<String, Set<String>> exposed = new TreeMap<>();
        await("every labelled series exposed").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    exposed.clear();
                    for (ServiceProcess service : List.of(lab.listener(), lab.router(), lab.entrypoint())) {
                        scrape(lab.send("GET", service.url() + "/q/metrics", null, null), exposed);
                    }
                    assertThat(problems(expressions, exposed)).isEmpty();
                });
    }

    /** What is wrong with the expressions against the exposed series; empty when nothing is. */
    private static List<String> problems(List<String> expressions, Map<String, Set<String>> exposed) {
        List<String> problems = new ArrayList<>();
        for (String expression : expressions) {
            Set<String> metrics = new TreeSet<>();
            Matcher names = METRIC.matcher(expression);
            while (names.find()) {
                metrics.add(names.group(1));
            }
            Set<String> labelsOfAll = new TreeSet<>();
            for (String metric : metrics) {
                if (!exposed.containsKey(metric)) {
                    problems.add(metric + " is not exposed (in: " + expression + ")");
                } else {
                    labelsOfAll.addAll(exposed.get(metric));
                }
            }
            Matcher selectors = SELECTOR.matcher(expression);
            while (selectors.find()) {
                Matcher labels = MATCHER.matcher(selectors.group(2));
                while (labels.find()) {
                    if (!exposed.getOrDefault(selectors.group(1), Set.of()).contains(labels.group(1))) {
                        problems.add(selectors.group(1) + " has no label " + labels.group(1) + " (in: " + expression + ")");
                    }
                }
            }
            Matcher grouping = GROUPING.matcher(expression);
            while (grouping.find()) {
                for (String label : grouping.group(1).split(",")) {
                    if (!label.isBlank() && !labelsOfAll.contains(label.trim())) {
                        problems.add("no metric of the expression has label " + label.trim() + " (in: " + expression + ")");
                    }
                }
            }
        }
        return problems;
    }

    private static List<String> expressions() throws Exception {
        List<String> expressions = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (JsonNode panel : json.readTree(DASHBOARD.toFile()).path("panels")) {
            panel.path("targets").forEach(target -> expressions.add(target.path("expr").asText()));
        }
        JsonNode rules = new ObjectMapper(new YAMLFactory()).readTree(RULES.toFile());
        for (JsonNode group : rules.path("spec").path("groups")) {
            group.path("rules").forEach(rule -> expressions.add(rule.path("expr").asText()));
        }
        return expressions;
    }

    private static void scrape(String text, Map<String, Set<String>> exposed) {
        for (String line : text.split("\n")) {
            Matcher series = SERIES.matcher(line);
            if (line.startsWith("#") || !series.find()) {
                continue;
            }
            Set<String> labels = exposed.computeIfAbsent(series.group(1), name -> new TreeSet<>());
            if (series.group(2) != null) {
                Matcher label = LABEL.matcher(series.group(2));
                while (label.find()) {
                    labels.add(label.group(1));
                }
            }
        }
    }

    private static void makeEverySeriesExist() throws Exception {
        String listener = lab.listener().url() + "/agents/6420/mrds/5000/";
        lab.send("POST", listener + "login", "application/json", "{\"maxTaskLimit\":1,\"agentInfo\":\"6420\"}");
        lab.send("POST", listener + "routable", "application/json", "{\"maxTasks\":1}");
        lab.send("POST", listener + "ready", "application/json", "{\"makeRoutable\":true}");
        await("agent 6420 available at entry point 1002").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200)).until(() -> lab.send("GET",
                        lab.entrypoint().url() + "/system/egain/chat/entrypoint/initialize/1002", null, null)
                        .contains("\"responseType\":0"));
        lab.send("POST", lab.entrypoint().url() + "/system/egain/chat/entrypoint/1002/chats", "application/json", "{}");
        try { // an action the agent's state does not allow: a refusal with its ARM status
            lab.send("POST", lab.listener().url() + "/agents/5033/mrds/5000/ready", "application/json",
                    "{\"makeRoutable\":true}");
        } catch (IllegalStateException refused) {
            assertThat(refused.getMessage()).contains(" answered 4");
        }
        try (KafkaProducer<String, String> producer = KafkaClients.bootstrap(lab.bootstrapServers())
                .producer("lab-test-poison", Map.of(), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.AGENT_EVENTS, "6421", "{not an ARM event")).get();
        }
    }
}
