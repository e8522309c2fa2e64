package dev.agentavailability.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The driver against a small HTTP server that plays listener and entry point, or against nothing at all. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TrafficRunTest {

    private static final String NOT_LOGGED_IN = "{\"type\":\"about:blank\",\"title\":\"Conflict\",\"status\":409,"
            + "\"detail\":\"MAKE_AGENT_READY_IND: agent 6420 is not logged into MRD 5000\","
            + "\"armStatus\":\"E_ARM_STAT_AGENT_NOT_LOGGED_IN\",\"armStatusCode\":1}";

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);
    private HttpServer server;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** Refuses every agent action (409), answers initialize with 0, starts and abandons chats. */
    private String refusingListenerAndOpenEntryPoint() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            exchange.getRequestBody().readAllBytes();
            if (method.equals("GET") && path.startsWith("/agents/")) {
                answer(exchange, 404, "{\"status\":404,\"detail\":\"no ARM event\"}");
            } else if (path.startsWith("/agents/")) {
                answer(exchange, 409, NOT_LOGGED_IN);
            } else if (path.startsWith("/system/egain/chat/entrypoint/initialize/")) {
                answer(exchange, 200, "{\"checkEligibility\":{\"responseType\":0}}");
            } else if (path.endsWith("/chats")) {
                answer(exchange, 201, "{\"chatId\":\"" + UUID.randomUUID() + "\"}");
            } else if (path.endsWith("/abandon")) {
                answer(exchange, 200, "{\"status\":\"ABANDONED\"}");
            } else {
                answer(exchange, 500, "{\"status\":500,\"detail\":\"unexpected " + method + " " + path + "\"}");
            }
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type",
                status >= 400 ? "application/problem+json" : "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static SimulatorSettings fast(String url, long actions) {
        return SimulatorSettings.defaults().withServices(url, url).withRate(500).withLimits(null, actions);
    }

    @Test
    void refusedActionsAreCountedAndLoggedAndTheRunGoesOn() throws Exception {
        String url = refusingListenerAndOpenEntryPoint();

        RunSummary summary = new TrafficRun(fast(url, 60), out).run();

        long agentActions = summary.count("login");
        assertThat(summary.actions()).isEqualTo(60);
        assertThat(agentActions).as("logged-out agents only try to log in").isPositive();
        assertThat(summary.refusedByKind()).isEqualTo(Map.of("login", agentActions));
        assertThat(summary.failed()).isZero();
        assertThat(summary.connectionFailures()).isZero();
        assertThat(summary.initializeAnswers()).containsOnlyKeys(0);
        assertThat(summary.initializeAnswers().get(0)).isEqualTo(summary.count("initialize"));
        assertThat(summary.chatsStarted()).isPositive();
        assertThat(output.toString(StandardCharsets.UTF_8))
                .contains("simulator: 2 actions/s".replace("2", "500"))
                .contains("simulator: refused: login of agent 6420 in MRD 5000: 409 E_ARM_STAT_AGENT_NOT_LOGGED_IN: "
                        + "MAKE_AGENT_READY_IND: agent 6420 is not logged into MRD 5000")
                .contains("simulator: 60 actions in ");
    }

    @Test
    void anUnreachableServiceIsRetriedWithBackoffReportedAndCountedAsFailed() throws Exception {
        String url = "http://127.0.0.1:" + closedPort();

        RunSummary summary = new TrafficRun(fast(url, 4).withRetry(3, Duration.ofMillis(5)), out).run();

        assertThat(summary.actions()).isEqualTo(4);
        assertThat(summary.failed()).isEqualTo(4);
        assertThat(summary.connectionFailures()).as("3 attempts per request").isGreaterThanOrEqualTo(12);
        assertThat(output.toString(StandardCharsets.UTF_8))
                .contains("listener-service at " + url + " is not reachable (ConnectException); attempt 1 of 3")
                .contains("next in 5 ms")
                .contains("next in 10 ms")
                .contains("gave up on")
                .contains("failed 4 (");
    }

    @Test
    void stopEndsARunThatHasNoLimit() throws Exception {
        String url = refusingListenerAndOpenEntryPoint();
        TrafficRun run = new TrafficRun(SimulatorSettings.defaults().withServices(url, url).withRate(50), out);
        run.startInBackground();
        await().atMost(Duration.ofSeconds(10)).until(() -> run.summary().actions() >= 5);

        assertThat(run.stopAndAwait(Duration.ofSeconds(10))).isTrue();
        assertThat(output.toString(StandardCharsets.UTF_8)).containsPattern("simulator: \\d+ actions in ");
    }

    @Test
    void aDurationEndsTheRunAndSummariesComeOnTime() throws Exception {
        String url = refusingListenerAndOpenEntryPoint();
        SimulatorSettings settings = SimulatorSettings.defaults().withServices(url, url).withRate(20)
                .withLimits(Duration.ofMillis(700), 0).withSummaryEvery(Duration.ofMillis(200));

        long started = System.nanoTime();
        RunSummary summary = new TrafficRun(settings, out).run();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(summary.actions()).as("at most 20/s for 0.7 s").isLessThanOrEqualTo(15L);
        assertThat(output.toString(StandardCharsets.UTF_8).lines().filter(l -> l.contains(" actions in ")))
                .as("interim summaries (every 200 ms, fewer on a busy machine) and the last").hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void theListenersAgentStateBecomesTheSimulatorsView() throws Exception {
        String listenerJson = "{\"icmAgentId\":6420,\"mrds\":{\"5000\":{\"mrdId\":5000,\"loggedIn\":true,"
                + "\"routable\":true,\"ready\":false,\"notReadyReason\":2,\"taskLimit\":2,\"tasks\":["
                + "{\"taskId\":{\"groupHigh\":12,\"groupLow\":34,\"sequence\":1},\"status\":\"OFFERED\","
                + "\"since\":\"2025-01-06T14:00:00Z\"},"
                + "{\"taskId\":{\"groupHigh\":0,\"groupLow\":7,\"sequence\":0},\"status\":\"WRAPUP\"}],"
                + "\"interrupted\":false,\"state\":\"RESERVED\",\"stateSince\":\"2025-01-06T14:00:00Z\"}}}";

        SimAgent agent = TrafficRun.agentFrom(new ObjectMapper().readTree(listenerJson), 6420, 5000);

        assertThat(agent).isEqualTo(new SimAgent(6420, true, true, false, 2,
                new java.util.TreeMap<>(Map.of("12-34-1", TaskStatus.OFFERED, "0-7-0", TaskStatus.WRAPUP))));
        assertThat(TrafficRun.agentFrom(new ObjectMapper().readTree(listenerJson), 6420, 1))
                .isEqualTo(SimAgent.loggedOut(6420));
    }

    @Test
    void theSummaryIsOneLine() {
        RunSummary summary = new RunSummary(12, new java.util.LinkedHashMap<>(Map.of("login", 2L)),
                new java.util.TreeMap<>(Map.of("abandon", 1L, "chat-start", 2L)), 1, 4, 3,
                new java.util.TreeMap<>(Map.of(0, 7L, 1, 2L)), Duration.ofSeconds(21));

        assertThat(summary.line()).isEqualTo("12 actions in 21 s (login 2); refused 3 (abandon 1, chat-start 2), "
                + "failed 1 (4 connection failures); chats started 3; initialize answers by responseType 0: 7, 1: 2");
    }

    @Test
    void aProblemIsOneLine() {
        assertThat(TrafficRun.problem(NOT_LOGGED_IN))
                .isEqualTo("E_ARM_STAT_AGENT_NOT_LOGGED_IN: MAKE_AGENT_READY_IND: agent 6420 is not logged into MRD 5000");
        assertThat(TrafficRun.problem("{\"status\":409,\"reason\":\"QUEUE_FULL\",\"detail\":\"a chat cannot\\nstart\"}"))
                .isEqualTo("QUEUE_FULL: a chat cannot start");
        assertThat(TrafficRun.problem("<html>oops</html>")).isEqualTo("<html>oops</html>");
        assertThat(List.of(TrafficRun.describe(new Action.EndTask(6420, 5000, "1-2-1")),
                TrafficRun.describe(new Action.OpenChatPage(1001, true))))
                .containsExactly("task-end of agent 6420 in MRD 5000 (task 1-2-1)", "initialize of entry point 1001");
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
