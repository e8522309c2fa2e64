package dev.agentavailability.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentavailability.contract.ContractJson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL frozen (SIGSTOP, as a hung disk or a VM pause does it): the entry point service goes on answering
 * initialize from memory at once; the router's health answers (DOWN) instead of hanging; once PostgreSQL is back
 * the router is ready again and applies the agent events that came meanwhile, none skipped.
 */
class PostgresFreezeTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static Lab lab;

    @BeforeAll
    static void startLab() throws Exception {
        lab = LabFixture.start(3);
        lab.send("PUT", lab.entrypoint().url() + "/entry-points/9101", "application/json",
                "{\"name\":\"Always open\",\"mrdId\":5000,\"skillGroupIds\":[6928],\"maxQueueDepth\":3}");
    }

    @AfterAll
    static void stopLab() throws Exception {
        if (lab != null) {
            signal("CONT");
            lab.close();
        }
    }

    @Test
    void initializeGoesOnAndTheRoutersHealthAnswersWhilePostgresIsFrozen() throws Exception {
        agent("login", "{\"maxTaskLimit\":2,\"agentInfo\":\"6420\"}");
        agent("routable", "{\"maxTasks\":2}");
        agent("ready", "{\"makeRoutable\":true}");
        await().atMost(Duration.ofSeconds(30)).until(() -> responseType() == 0);

        signal("STOP");
        try {
            for (int i = 0; i < 5; i++) {
                assertThat(responseType()).as("initialize from memory, PostgreSQL frozen").isEqualTo(0);
            }
            await("the router's readiness answers DOWN").atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(500)).until(() -> status(lab.router().url() + "/q/health/ready") == 503);
            // an action meanwhile: stored in Kafka, applied by the router once PostgreSQL is back
            agent("not-ready", "{\"reasonCode\":5}");
        } finally {
            signal("CONT");
        }
        await("the router ready again").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> status(lab.router().url() + "/q/health/ready") == 200);
        await("the not-ready applied").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> responseType() == 1);
    }

    private static void agent(String action, String body) throws Exception {
        lab.send("POST", lab.listener().url() + "/agents/6420/mrds/5000/" + action, "application/json", body);
    }

    /** initialize's responseType, answered within one second or failing. */
    private static int responseType() throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(lab.entrypoint().url()
                + "/system/egain/chat/entrypoint/initialize/9101")).timeout(Duration.ofSeconds(1)).build(),
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

    /** Signals the postmaster and every backend: stopping only the postmaster leaves the sessions answering. */
    private static void signal(String name) throws Exception {
        List<String> command = new ArrayList<>(List.of("kill", "-" + name, Long.toString(lab.postgres().pid())));
        ProcessHandle.of(lab.postgres().pid()).ifPresent(postmaster -> postmaster.descendants()
                .forEach(backend -> command.add(Long.toString(backend.pid()))));
        Process kill = new ProcessBuilder(command).inheritIO().start();
        assertThat(kill.waitFor()).as("kill -%s", name).isZero();
    }
}
