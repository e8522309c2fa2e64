package dev.agentavailability.availctl;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** availctl explain against a stand-in entrypoint-service answering the explain JSON. */
class ExplainCommandTest {

    static final String EXPLANATION = """
            {"entryPointId":1001,"evaluatedAt":"2026-11-26T10:15:00Z",
             "answer":{"responseType":0,"offHours":false},
             "decision":{"rule":"ALL_BUSY_QUEUE_HAS_ROOM","why":"every agent in scope is busy; the chat can wait",
               "rows":[{"rule":"OFF_HOURS","responseType":1,"applies":false},
                       {"rule":"INACTIVE","responseType":1,"applies":false},
                       {"rule":"QUEUE_FULL","responseType":2,"applies":false},
                       {"rule":"AGENT_AVAILABLE","responseType":0,"applies":false},
                       {"rule":"ALL_BUSY_QUEUE_HAS_ROOM","responseType":0,"applies":true},
                       {"rule":"NO_AGENT_COULD_TAKE_IT","responseType":1,"applies":false}]},
             "calendar":{"configured":true,"open":true,"timeZone":"Europe/Paris","localTime":"11:15",
               "dayOfWeek":"THURSDAY","holiday":false,"openInterval":"09:00-17:00"},
             "queue":{"depth":1,"maxQueueDepth":3,"full":false,"maxWaitSeconds":300},
             "scope":"SKILL_GROUP","active":true,
             "inScope":{"loggedIn":1,"ready":1,"routable":1,"available":0,"busy":1,"atTaskLimit":1,"domainUnavailable":0},
             "sources":[{"kind":"SKILL_GROUP","id":6928,
               "counts":{"loggedIn":1,"ready":1,"routable":1,"available":0,"busy":1,"atTaskLimit":1,"domainUnavailable":0},
               "partitions":[{"partition":2,"throughOffset":41,"asOf":"2026-11-26T10:14:58Z",
                 "counts":{"loggedIn":1,"ready":1,"routable":1,"available":0,"busy":1,"atTaskLimit":1,"domainUnavailable":0}}]}]}
            """;

    private HttpServer server;
    private String url;

    @BeforeEach
    void startEntrypoint() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/entry-points/", exchange -> {
            boolean known = exchange.getRequestURI().getPath().equals("/entry-points/1001/explain");
            byte[] body = (known ? EXPLANATION : "{\"status\":404,\"detail\":\"entry point 77 is not configured\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", known ? "application/json" : "application/problem+json");
            exchange.sendResponseHeaders(known ? 200 : 404, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        url = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void printsTheDecidingRuleTheCalendarTheQueueAndTheCountsPerPartition() {
        Cli.Result result = Cli.run("explain", "1001", "--entrypoint", url);

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out().lines()).contains(
                "Entry point 1001 answers responseType 0 (ALL_BUSY_QUEUE_HAS_ROOM)",
                "  why: every agent in scope is busy; the chat can wait",
                "  calendar: open (Europe/Paris THURSDAY 11:15, open 09:00-17:00)",
                "  queue: 1 waiting, maximum 3, chats time out after 300 s",
                "    ALL_BUSY_QUEUE_HAS_ROOM  -> 0  applies, decides",
                "    OFF_HOURS                -> 1  -",
                "  skill group 6928: loggedIn 1, ready 1, routable 1, available 0, busy 1, atTaskLimit 1, domainUnavailable 0",
                "    partition 2, agent events up to offset 41, as of 2026-11-26T10:14:58Z: loggedIn 1, ready 1, "
                        + "routable 1, available 0, busy 1, atTaskLimit 1, domainUnavailable 0");
    }

    @Test
    void anUnknownEntryPointPrintsTheProblemDetail() {
        Cli.run("explain", "77", "--entrypoint", url)
                .failsWithOneLine(ExitCodes.FAILURE, "entry point 77: entry point 77 is not configured");
    }

    @Test
    void jsonPrintsTheServiceAnswerAsIs() {
        Cli.Result result = Cli.run("explain", "1001", "--json", "--entrypoint", url);
        assertThat(result.single().at("/decision/rule").asText()).isEqualTo("ALL_BUSY_QUEUE_HAS_ROOM");
    }
}
