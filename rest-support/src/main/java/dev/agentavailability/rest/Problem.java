package dev.agentavailability.rest;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An RFC 9457 problem details body. Extensions (an ARM status code, the invalid fields) appear as
 * top-level members, as the RFC asks.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class Problem {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType MEDIA = MediaType.valueOf(MEDIA_TYPE);

    private final String type;
    private final String title;
    private final int status;
    private final String detail;
    private final String instance;
    private final Map<String, Object> extensions = new LinkedHashMap<>();
    /** Response headers that go with the problem (Retry-After ...); not part of the body. */
    private final Map<String, String> headers = new LinkedHashMap<>();

    public Problem(String type, String title, int status, String detail, String instance) {
        this.type = type;
        this.title = title;
        this.status = status;
        this.detail = detail;
        this.instance = instance;
    }

    public static Problem of(Response.Status status, String detail) {
        return new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), detail, null);
    }

    public Problem with(String name, Object value) {
        extensions.put(name, value);
        return this;
    }

    /** A response header to send with the problem, e.g. {@code Retry-After}. */
    public Problem withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public Problem at(String path) {
        Problem copy = new Problem(type, title, status, detail, path);
        copy.extensions.putAll(extensions);
        copy.headers.putAll(headers);
        return copy;
    }

    public String getType() {
        return type;
    }

    public String getTitle() {
        return title;
    }

    public int getStatus() {
        return status;
    }

    public String getDetail() {
        return detail;
    }

    public String getInstance() {
        return instance;
    }

    @JsonAnyGetter
    public Map<String, Object> getExtensions() {
        return extensions;
    }

    public Response toResponse() {
        Response.ResponseBuilder response = Response.status(status).type(MEDIA).entity(this);
        headers.forEach(response::header);
        return response.build();
    }
}
