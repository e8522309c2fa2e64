package dev.agentavailability.entrypoint.board;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentavailability.contract.ContractJson;
import dev.agentavailability.testsupport.TestUsers;
import io.restassured.RestAssured;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** A server-sent-event client for the tests: each {@code data:} line, parsed as JSON, in arrival order. */
final class EventStream implements AutoCloseable {

    private final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;
    private final List<JsonNode> seen = new ArrayList<>();

    private EventStream(CompletableFuture<HttpResponse<Stream<String>>> response) {
        this.response = response;
    }

    static EventStream open(String path, TestUsers user) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                URI.create(RestAssured.baseURI + ":" + RestAssured.port + path)).header("Accept", "text/event-stream");
        if (user != null) {
            request.header("Authorization", user.basicAuthorization());
        }
        CompletableFuture<HttpResponse<Stream<String>>> response = HttpClient.newHttpClient()
                .sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines());
        EventStream stream = new EventStream(response);
        response.thenAccept(r -> {
            Thread reader = new Thread(() -> {
                try {
                    r.body().filter(line -> line.startsWith("data:"))
                            .forEach(line -> stream.messages.add(json(line.substring(5).strip())));
                } catch (UncheckedIOException | IllegalStateException closed) {
                    // the test closed the stream: while it was read, or (IllegalStateException) before this thread
                    // began to read it
                }
            }, "event-stream");
            reader.setDaemon(true);
            reader.start();
        });
        return stream;
    }

    private static JsonNode json(String text) {
        try {
            return ContractJson.mapper().readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + text, e);
        }
    }

    int status(Duration wait) throws Exception {
        return response.get(wait.toMillis(), TimeUnit.MILLISECONDS).statusCode();
    }

    /** The next message. */
    JsonNode next(Duration wait) throws InterruptedException {
        JsonNode message = messages.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        if (message == null) {
            throw new AssertionError("no message within " + wait + "; seen: " + seen);
        }
        seen.add(message);
        return message;
    }

    /** Reads messages until one matches; fails at the deadline, naming what came. */
    JsonNode until(Predicate<JsonNode> wanted, Duration wait) throws InterruptedException {
        Instant deadline = Instant.now().plus(wait);
        while (true) {
            Duration left = Duration.between(Instant.now(), deadline);
            if (left.isNegative()) {
                throw new AssertionError("no message as wanted within " + wait + "; seen: " + seen);
            }
            JsonNode message = next(left);
            if (wanted.test(message)) {
                return message;
            }
        }
    }

    @Override
    public void close() {
        response.thenAccept(r -> r.body().close());
        response.cancel(true);
    }
}
