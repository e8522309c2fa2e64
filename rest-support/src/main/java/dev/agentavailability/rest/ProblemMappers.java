package dev.agentavailability.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.agentavailability.contract.ContractJson;
import dev.agentavailability.rest.database.DatabaseUnreachable;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns every failure of a REST call into problem details: no stack trace ever reaches a client. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final String LOGIN_HINT = "HTTP Basic with a lab user, which bin/lab prints, or a bearer token "
            + "where the deployment takes tokens only";

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return e.problem().at(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        List<Map<String, String>> violations = e.getConstraintViolations().stream()
                .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .map(v -> Map.of("field", field(v), "message", v.getMessage()))
                .toList();
        String detail = violations.stream().map(v -> v.get("field") + " " + v.get("message"))
                .collect(Collectors.joining("; "));
        return Problem.of(Response.Status.BAD_REQUEST, detail).with("violations", violations).at(uri.getPath())
                .toResponse();
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e, UriInfo uri) {
        return Problem.of(Response.Status.BAD_REQUEST, "request body: " + describe(e)).at(uri.getPath()).toResponse();
    }

    /** Quarkus REST has its own mapper for this subtype; ours is closer still and answers a problem. */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e, UriInfo uri) {
        return unreadable(e, uri);
    }

    /** Quarkus REST wraps a body's syntax error in a plain 400, whose own text says nothing of the fault. */
    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadable(json, uri);
        }
        Response.Status status = Response.Status.fromStatusCode(e.getResponse().getStatus());
        int code = e.getResponse().getStatus();
        String title = status == null ? "HTTP " + code : status.getReasonPhrase();
        return new Problem("about:blank", title, code, e.getMessage(), uri.getPath()).toResponse();
    }

    /** The field path and the fault, without Jackson's hints about its own settings. */
    static String describe(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            String known = unknown.getKnownPropertyIds() == null ? ""
                    : unknown.getKnownPropertyIds().stream().map(Object::toString).sorted()
                            .collect(Collectors.joining(", ", " (known fields: ", ")"));
            return "field '" + unknown.getPropertyName() + "' is not known" + known;
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getPath().isEmpty()) {
            return "expected a JSON object";
        }
        return ContractJson.describe(e);
    }

    static final String DATABASE_RETRY_AFTER_SECONDS = "5";
    static final String NO_LOGIN = "this call needs a login (" + LOGIN_HINT + ")";
    static final String LOGIN_REFUSED =
            "the login was refused: unknown user, wrong password, or an invalid or expired token";
    static final String ROLE_MISSING =
            "the caller's roles do not include one this call needs (see the role table in README)";

    /** A call without a login to an endpoint that needs one: 401 with the service's challenge. */
    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return unauthenticated(NO_LOGIN, uri);
    }

    /** Credentials that were refused: which part was wrong is not said. */
    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return unauthenticated(LOGIN_REFUSED, uri);
    }

    private static Response unauthenticated(String detail, UriInfo uri) {
        return Response.fromResponse(Problem.of(Response.Status.UNAUTHORIZED, detail).at(uri.getPath()).toResponse())
                .header(HttpHeaders.WWW_AUTHENTICATE, challenge()).build();
    }

    /** The WWW-Authenticate challenge: the one mechanism a client may use here. */
    static String challenge() {
        boolean tokensOnly = ConfigProvider.getConfig().getOptionalValue("availability.security.tokens-only",
                Boolean.class).orElse(true);
        return tokensOnly ? "Bearer" : "basic";
    }

    /** A caller without the endpoint's role, or an agent acting for another agent. */
    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        String detail = e.getMessage() == null || e.getMessage().isBlank() ? ROLE_MISSING : e.getMessage();
        return Problem.of(Response.Status.FORBIDDEN, detail).at(uri.getPath()).toResponse();
    }

    /** Quarkus REST answers this one with an empty 500 of its own; ours logs it and says so. */
    @ServerExceptionMapper
    public Response badDefinition(InvalidDefinitionException e, UriInfo uri) {
        return unexpected(e, uri);
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        if (DatabaseUnreachable.test(e)) {
            LOG.warnf("PostgreSQL unreachable on %s: %s", uri.getPath(), e.getMessage());
            return Problem.of(Response.Status.SERVICE_UNAVAILABLE, "PostgreSQL is unreachable; nothing was changed, "
                    + "try again once it is back").withHeader("Retry-After", DATABASE_RETRY_AFTER_SECONDS)
                    .at(uri.getPath()).toResponse();
        }
        LOG.errorf(e, "unexpected failure on %s", uri.getPath());
        return Problem.of(Response.Status.INTERNAL_SERVER_ERROR,
                "unexpected failure (" + e.getClass().getSimpleName() + "); the service log has the details")
                .at(uri.getPath()).toResponse();
    }

    private static String field(ConstraintViolation<?> v) {
        // Method-parameter paths read "create.arg0.name"; the client knows only the last parts.
        String path = v.getPropertyPath().toString();
        String[] parts = path.split("\\.");
        return parts.length > 2 ? String.join(".", List.of(parts).subList(2, parts.length)) : parts[parts.length - 1];
    }
}
