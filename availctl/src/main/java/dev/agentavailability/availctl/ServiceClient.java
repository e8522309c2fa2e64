package dev.agentavailability.availctl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentavailability.contract.access.Credentials;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;

/** GET requests to one of our services; every failure becomes a one-line {@link CliFailure}. */
public final class ServiceClient {

    /** An HTTP answer. */
    public record Answer(int status, String contentType, String body) {

        public boolean ok() {
            return status >= 200 && status < 300;
        }

        /** The {@code detail} (else {@code title}) of a problem+json body, else the body's first line. */
        public String problem() {
            return problemDetail(body).orElseGet(() -> {
                String text = body == null ? "" : body.strip();
                return text.isEmpty() ? "HTTP " + status : text.lines().findFirst().orElse(text);
            });
        }
    }

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String service;
    private final String baseUrl;
    private final URI base;
    private final HttpClient http;
    private Optional<Credentials> credentials = Optional.empty();

    /**
     * A client for a service at the given base URL.
     *
     * @param service  the service's name, for messages ("router-service")
     * @param option   the option that gave the URL, for messages ("--router")
     * @param example  a URL to show when the given one is not usable
     * @throws CliFailure (bad input) when the URL is not an http or https URL
     */
    public ServiceClient(String service, String option, String example, String baseUrl) throws CliFailure {
        this.service = service;
        String trimmed = baseUrl.strip().replaceAll("/+$", "");
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException invalid) {
            throw CliFailure.badInput(option + " '" + baseUrl + "' is not a URL: " + invalid.getMessage());
        }
        if (uri.getScheme() == null || !uri.getScheme().matches("(?i)https?") || uri.getHost() == null) {
            throw CliFailure.badInput(option + " '" + baseUrl + "' is not an http(s) URL such as " + example);
        }
        this.baseUrl = trimmed;
        this.base = uri;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
                .build();
    }

    /** Logs the requests in with these credentials (empty: anonymous). */
    public ServiceClient as(Optional<Credentials> login) {
        this.credentials = login;
        return this;
    }

    /** The base URL as the operator gave it, without a trailing slash. */
    public String baseUrl() {
        return baseUrl;
    }

    /**
     * GETs a path below the base URL.
     *
     * @throws CliFailure (failure) when the service cannot be reached or does not answer in time
     */
    public Answer get(String path, String accept) throws CliFailure {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(REQUEST_TIMEOUT)
                .header("Accept", accept)
                .GET();
        credentials.ifPresent(login -> request.header("Authorization", login.authorization()));
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpConnectTimeoutException | ConnectException notThere) {
            throw unreachable();
        } catch (HttpTimeoutException slow) {
            throw CliFailure.failure(service + " at " + baseUrl + " did not answer within "
                    + REQUEST_TIMEOUT.toSeconds() + " s");
        } catch (IOException broken) {
            if (broken.getCause() instanceof ConnectException) {
                throw unreachable();
            }
            throw CliFailure.failure(service + " at " + baseUrl + " failed: " + broken);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw CliFailure.failure("interrupted while waiting for " + service + " at " + baseUrl);
        }
        Answer answer = new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.body());
        if (answer.status() == 401) {
            throw CliFailure.failure(service + " at " + baseUrl + " needs a login"
                    + credentials.map(login -> " and refused " + login).orElse("")
                    + ": give --user NAME with " + LoginOptions.PREFIX + "_PASSWORD set, or " + LoginOptions.PREFIX
                    + "_TOKEN (bin/lab prints the lab's users)");
        }
        if (answer.status() == 403) {
            throw CliFailure.failure(service + " at " + baseUrl + " refused " + credentials.map(Object::toString)
                    .orElse("the caller") + ": " + answer.problem());
        }
        return answer;
    }

    private CliFailure unreachable() {
        return CliFailure.failure(service + " at " + baseUrl + " is not reachable (is the lab running?)");
    }

    /** The {@code detail}, else the {@code title}, of a problem+json text. */
    static Optional<String> problemDetail(String body) {
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        try {
            JsonNode problem = MAPPER.readTree(body);
            for (String member : new String[] {"detail", "title"}) {
                JsonNode value = problem.path(member);
                if (value.isTextual() && !value.asText().isBlank()) {
                    return Optional.of(value.asText());
                }
            }
        } catch (IOException notJson) {
            // not a problem body
        }
        return Optional.empty();
    }
}
