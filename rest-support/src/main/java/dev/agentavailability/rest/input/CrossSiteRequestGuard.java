package dev.agentavailability.rest.input;

import dev.agentavailability.rest.Problem;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A state-changing call with one of the content types a browser may send cross-site without asking first
 * (text/plain, a form, multipart: CORS "simple" requests, which carry the browser's cached Basic login) is
 * refused with 415 unless the endpoint declares that type. So a page elsewhere cannot make an agent not routable
 * or start a chat by posting a form; a JSON call from such a page needs a preflight, which CORS refuses.
 */
public class CrossSiteRequestGuard {

    private static final Set<String> STATE_CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Set<String> SIMPLE_TYPES = Set.of("text/plain", "application/x-www-form-urlencoded",
            "multipart/form-data");

    @ServerRequestFilter
    public Response refuseUndeclaredSimpleTypes(ContainerRequestContext request, ResourceInfo resource) {
        MediaType type = request.getMediaType();
        if (!STATE_CHANGING.contains(request.getMethod()) || type == null
                || !SIMPLE_TYPES.contains(type.getType() + "/" + type.getSubtype())) {
            return null;
        }
        // No body and no Origin: a script's or curl's call (test clients add a type to an empty POST), not a page's
        if (!hasBody(request) && request.getHeaderString("Origin") == null) {
            return null;
        }
        if (resource.getResourceMethod() != null && declares(resource, type)) {
            return null;
        }
        return Problem.of(Response.Status.UNSUPPORTED_MEDIA_TYPE, "Content-Type " + type.getType() + "/"
                + type.getSubtype() + " is not taken by this call; send application/json (or no body where the "
                + "call takes none)").at(request.getUriInfo().getPath()).toResponse();
    }

    private static boolean hasBody(ContainerRequestContext request) {
        String length = request.getHeaderString("Content-Length");
        return length != null ? !length.strip().equals("0") : request.getHeaderString("Transfer-Encoding") != null;
    }

    private static boolean declares(ResourceInfo resource, MediaType type) {
        Consumes consumes = resource.getResourceMethod().getAnnotation(Consumes.class);
        if (consumes == null) {
            consumes = resource.getResourceClass().getAnnotation(Consumes.class);
        }
        return consumes != null && Arrays.stream(consumes.value())
                .flatMap(value -> Arrays.stream(value.split(",")))
                .map(String::strip)
                .anyMatch(declared -> MediaType.valueOf(declared).isCompatible(type) && !declared.startsWith("*"));
    }
}
