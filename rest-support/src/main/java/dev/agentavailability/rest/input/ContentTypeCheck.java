package dev.agentavailability.rest.input;

import dev.agentavailability.rest.Problem;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** A Content-Type that is not a media type is a 415 problem, before Quarkus REST's matching fails on it with 500. */
public class ContentTypeCheck {

    @ServerRequestFilter(preMatching = true)
    public Response refuseUnparsableContentType(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (header == null) {
            return null;
        }
        try {
            MediaType.valueOf(header);
            return null;
        } catch (IllegalArgumentException notAMediaType) {
            return Problem.of(Response.Status.UNSUPPORTED_MEDIA_TYPE, "Content-Type '" + header
                    + "' is not a media type").at(request.getUriInfo().getPath()).toResponse();
        }
    }
}
