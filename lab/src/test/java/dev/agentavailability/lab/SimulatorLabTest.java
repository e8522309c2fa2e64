package dev.agentavailability.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentavailability.contract.ContractJson;
import dev.agentavailability.contract.access.LabLogins;
import dev.agentavailability.simulator.RunSummary;
import dev.agentavailability.simulator.SimAgent;
import dev.agentavailability.simulator.SimulatorSettings;
import dev.agentavailability.simulator.TrafficRun;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The traffic simulator against the packaged services with the demo loaded, as bin/lab runs it: a bounded,
 * seeded run reaches both services without a connection failure, and the router follows every agent the
 * listener accepted actions for.
 */
class SimulatorLabTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
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
    void aBoundedRunDrivesTheDemoAgentsAndCustomersAndTheRouterFollows() throws Exception {
        SimulatorSettings settings = SimulatorSettings.defaults()
                .withServices(lab.listener().url(), lab.entrypoint().url())
                .withRate(20)
                .withLimits(Duration.ofMinutes(3), 150);
        TrafficRun run = new TrafficRun(settings, System.out, lab.users().listener().credentials());

        RunSummary summary = run.run();

        assertThat(summary.actions()).isEqualTo(150);
        assertThat(summary.connectionFailures()).as("connection failures").isZero();
        assertThat(summary.failed()).as("failed requests").isZero();
        assertThat(summary.count("login")).isPositive();
        assertThat(summary.count("initialize")).isPositive();
        assertThat(summary.initializeAnswers().values().stream().mapToLong(Long::longValue).sum())
                .as("every initialize answered").isEqualTo(summary.count("initialize"));
        // The plan follows the listener's rules, so only customers can meet a refusal: a chat offered (or the
        // queue filled) between two of their requests.
        assertThat(summary.refusedByKind().keySet()).isSubsetOf("abandon", "chat-start");

        for (int agent : settings.agentIds()) {
            JsonNode listener = listenerMrd(agent);
            SimAgent view = run.model().agent(agent);
            assertThat(listener.path("loggedIn").asBoolean()).as("agent %d logged in", agent).isEqualTo(view.loggedIn());
            assertThat(listener.path("routable").asBoolean()).as("agent %d routable", agent).isEqualTo(view.routable());
            assertThat(listener.path("ready").asBoolean()).as("agent %d ready", agent).isEqualTo(view.ready());
        }
        assertThat(settings.agentIds()).as("an agent the listener has events of").anySatisfy(agent ->
                assertThat(status(lab.listener().url() + "/agents/" + agent)).isEqualTo(200));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            for (int agent : settings.agentIds()) {
                JsonNode listener = listenerMrd(agent);
                JsonNode router = routerMrd(agent);
                for (String field : new String[] {"loggedIn", "routable", "ready", "taskLimit", "state"}) {
                    assertThat(router.path(field)).as("router's %s of agent %d", field, agent)
                            .isEqualTo(listener.path(field));
                }
            }
        });
    }

    /** The listener's agent in the demo MRD (missing when the agent has no event). */
    private static JsonNode listenerMrd(int agent) throws Exception {
        return get(lab.listener().url() + "/agents/" + agent).path("mrds").path("5000");
    }

    private static JsonNode routerMrd(int agent) throws Exception {
        for (JsonNode mrd : get(lab.router().url() + "/agents/" + agent + "/status").path("mrds")) {
            if (mrd.path("mrdId").asInt() == 5000) {
                return mrd;
            }
        }
        return ContractJson.mapper().missingNode();
    }

    private static JsonNode get(String url) throws Exception {
        HttpResponse<String> response = HTTP.send(asSupervisor(url), HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? ContractJson.mapper().readTree(response.body())
                : ContractJson.mapper().missingNode();
    }

    private static int status(String url) throws Exception {
        return HTTP.send(asSupervisor(url), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static HttpRequest asSupervisor(String url) {
        return HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", lab.users().user(LabLogins.SUPERVISOR.user()).credentials().authorization()).build();
    }
}
