package dev.agentavailability.rest.input;

import dev.agentavailability.contract.ContractJson;
import dev.agentavailability.rest.Problem;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A body whose Content-Length is over {@code quarkus.http.limits.max-body-size} gets a 413 problem the client can
 * read. Quarkus answers it too, but closes the connection at once, while the client is still sending, so most
 * clients see a reset instead of the 413. Here the body is read and thrown away (nothing parses it, as nginx's
 * lingering close does), then the answer is sent and the connection closed. A body over {@link #DRAINED} is not
 * read: the answer goes at once.
 */
@ApplicationScoped
public class OversizedBodyGuard {

    /** The most a refused body is read for: enough for a misdirected file upload, not an invitation to stream. */
    static final long DRAINED = 64L * 1024 * 1024;

    void install(@Observes Router router,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize limit) {
        long max = limit.asLongValue();
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            long length = contentLength(context.request());
            if (length <= max) {
                context.next();
                return;
            }
            refuse(context, length, max);
        });
    }

    private static void refuse(RoutingContext context, long length, long max) {
        HttpServerRequest request = context.request();
        Problem problem = Problem.of(Response.Status.REQUEST_ENTITY_TOO_LARGE, "the body is " + length
                + " bytes; this service takes at most " + max + " bytes (quarkus.http.limits.max-body-size)")
                .at(request.path());
        // HTTP/1.1: the connection is closed after the answer, as Quarkus does. HTTP/2: only this stream ends; closing
        // the connection would send GOAWAY to every other request on it.
        boolean http1 = request.version() != HttpVersion.HTTP_2;
        Runnable answer = () -> {
            if (http1) {
                context.response().putHeader(HttpHeaders.CONNECTION, "close");
            }
            context.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .end(ContractJson.write(problem)).onComplete(sent -> {
                        if (http1) {
                            request.connection().close();
                        }
                    });
        };
        if (length > DRAINED) {
            answer.run();
            return;
        }
        request.handler(discarded -> { });
        request.exceptionHandler(gone -> {
            if (http1) {
                request.connection().close();
            }
        });
        request.endHandler(end -> answer.run());
        request.resume();
    }

    /** The declared length; -1 when there is none (chunked: Quarkus' own limit applies while reading). */
    private static long contentLength(HttpServerRequest request) {
        String header = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (header == null) {
            return -1;
        }
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException notANumber) {
            return -1; // Vert.x refuses a malformed Content-Length with 400 before any route
        }
    }
}
