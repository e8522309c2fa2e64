package dev.agentavailability.availctl;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** availctl status against a tiny router-service stand-in. */
class StatusCommandTest {

    // scenarios.md, availability flow step 3
    static final String RTTEST = """
            Agent CUCM.Agent_test (6420, periph# 15003)
              domain: Cisco_Voice (1), state = [nr-0:1,R], 411 secs
                CL nr TEST_SG (6274, periph# 70520)
                L nr CUCM_PIM1.Cisco_Voice.defa.88025 (5000, periph# 31858)
              domain: ECE_Chat (5000), state = [na-0:2,RA], 383 secs
                CL na TEST_Chat (6928, periph# 70518)
                L na CUCM.ECE_Chat.default.11006 (6909, periph# 54839)
            """;
    static final String NOT_FOUND = "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,"
            + "\"detail\":\"agent 9999 has no events in the partitions this instance owns\","
            + "\"instance\":\"/agents/9999/status\"}";

    private HttpServer server;
    private String url;
    private final List<String> accepts = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startRouter() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/agents/", exchange -> {
            accepts.add(exchange.getRequestHeaders().getFirst("Accept"));
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/agents/6420/status")) {
                answer(exchange, 200, "text/plain;charset=UTF-8", RTTEST);
            } else if (path.equals("/agents/7401/status")) {
                exchange.getResponseHeaders().add("WWW-Authenticate", "basic");
                answer(exchange, 401, "text/plain", "");
            } else if (path.equals("/agents/500/status")) {
                answer(exchange, 500, "application/problem+json",
                        "{\"title\":\"Internal Server Error\",\"status\":500,\"detail\":\"projection not loaded\"}");
            } else {
                answer(exchange, 404, "application/problem+json", NOT_FOUND);
            }
        });
        server.start();
        url = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stopRouter() {
        server.stop(0);
    }

    @Test
    void printsTheRttestTextAsIs() {
        Cli.Result result = Cli.run("status", "6420", "--router", url);

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).isEqualTo(RTTEST);
        assertThat(result.err()).isEmpty();
        assertThat(accepts).containsExactly("text/plain");
    }

    @Test
    void aServiceThatWantsALoginSaysHowToGiveOne() {
        Cli.Result result = Cli.run("status", "7401", "--router", url);

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err().strip()).isEqualTo("availctl: router-service at " + url + " needs a login: give "
                + "--user NAME with AVAILCTL_PASSWORD set, or AVAILCTL_TOKEN (bin/lab prints the lab's users)");
        result.assertNoStackTrace();
    }

    @Test
    void aUserWithoutAPasswordInTheEnvironmentIsBadInput() {
        // The build runs tests without AVAILCTL_PASSWORD; the password never comes from the command line.
        Cli.run("status", "6420", "--router", url, "--user", "supervisor")
                .failsWithOneLine(2, "user supervisor is given but AVAILCTL_PASSWORD is not set");
    }

    @Test
    void aTrailingSlashOnTheUrlIsFine() {
        Cli.Result result = Cli.run("status", "--router=" + url + "/", "6420");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).isEqualTo(RTTEST);
    }

    @Test
    void anUnknownAgentPrintsTheProblemDetail() {
        Cli.Result result = Cli.run("status", "9999", "--router", url);

        result.failsWithOneLine(ExitCodes.FAILURE);
        assertThat(result.err())
                .isEqualTo("availctl: agent 9999: agent 9999 has no events in the partitions this instance owns\n");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void anotherHttpErrorNamesTheStatus() {
        Cli.run("status", "500", "--router", url)
                .failsWithOneLine(ExitCodes.FAILURE, "answered HTTP 500 for agent 500: projection not loaded");
    }

    @Test
    void aClosedPortSaysTheRouterIsNotReachable() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        String nowhere = "http://127.0.0.1:" + closed;

        Cli.Result result = Cli.run("status", "6420", "--router", nowhere);

        result.failsWithOneLine(ExitCodes.FAILURE);
        assertThat(result.err())
                .isEqualTo("availctl: router-service at " + nowhere + " is not reachable (is the lab running?)\n");
    }

    @Test
    void aUrlThatIsNotHttpIsBadInput() {
        Cli.run("status", "6420", "--router", "localhost:8082")
                .failsWithOneLine(ExitCodes.BAD_INPUT, "--router 'localhost:8082' is not an http(s) URL");
    }

    @Test
    void anAgentThatIsNotANumberIsAUsageError() {
        Cli.Result result = Cli.run("status", "agent6420");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(result.err()).contains("'agent6420' is not an int").contains("Usage: availctl status");
        result.assertNoStackTrace();
    }

    @Test
    void aMissingAgentIsAUsageError() {
        Cli.Result result = Cli.run("status");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(result.err()).contains("Missing required parameter: 'AGENT'").contains("Usage: availctl status");
    }

    private static void answer(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
