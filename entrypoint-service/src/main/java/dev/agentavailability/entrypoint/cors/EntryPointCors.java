package dev.agentavailability.entrypoint.cors;

import dev.agentavailability.entrypoint.management.EntryPointCache;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * CORS for the public chat paths only (initialize, its answer stream, chat start, abandon, leave a message): {@code Access-Control-Allow-Origin} is the
 * request's Origin when that origin is in the entry point's {@code allowedOrigins}, and absent otherwise (the browser
 * then refuses the answer). There is no wildcard and no global CORS configuration; other paths get no CORS headers.
 * Preflight (OPTIONS) requests are answered 204 by the resources; this filter adds the allow headers.
 */
public class EntryPointCors {

    private static final Pattern PUBLIC_PATH = Pattern.compile(
            "^/system/egain/chat/entrypoint/(?:initialize/(\\d{1,18})"
                    + "|(\\d{1,18})/(?:chats(?:/[^/]+/abandon)?|answers|messages))/?$");
    static final String ALLOWED_METHODS = "GET, POST, OPTIONS";
    static final String MAX_AGE_SECONDS = "600";

    private final EntryPointCache entryPoints;

    EntryPointCors(EntryPointCache entryPoints) {
        this.entryPoints = entryPoints;
    }

    @ServerResponseFilter
    public void addCorsHeaders(ContainerRequestContext request, ContainerResponseContext response) {
        Matcher m = PUBLIC_PATH.matcher(request.getUriInfo().getPath());
        if (!m.matches()) {
            return;
        }
        MultivaluedMap<String, Object> headers = response.getHeaders();
        headers.add("Vary", "Origin");
        String origin = request.getHeaderString("Origin");
        if (origin == null) {
            return;
        }
        long id = Long.parseLong(m.group(1) != null ? m.group(1) : m.group(2));
        boolean allowed = entryPoints.find(id).map(e -> e.allowsOrigin(origin)).orElse(false);
        if (!allowed) {
            return;
        }
        headers.putSingle("Access-Control-Allow-Origin", origin);
        if ("OPTIONS".equals(request.getMethod())) {
            headers.putSingle("Access-Control-Allow-Methods", ALLOWED_METHODS);
            String requested = request.getHeaderString("Access-Control-Request-Headers");
            headers.putSingle("Access-Control-Allow-Headers", requested == null || requested.isBlank()
                    ? "Content-Type" : requested);
            headers.putSingle("Access-Control-Max-Age", MAX_AGE_SECONDS);
        }
    }
}
