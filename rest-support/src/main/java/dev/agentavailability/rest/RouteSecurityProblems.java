package dev.agentavailability.rest;

import dev.agentavailability.contract.ContractJson;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.Response;

/**
 * The refusals of the HTTP permissions ({@code /q/metrics}, {@code /q/openapi}, the tokens-only bearer rule) as
 * problem details, worded as {@link ProblemMappers} words those of the REST endpoints; Quarkus sends them with an
 * empty body. An anonymous caller's 401 is not a routing failure (Quarkus sends the challenge and ends the answer),
 * so it keeps its empty body; a 403, and a 401 for refused credentials, get the problem.
 */
@ApplicationScoped
public class RouteSecurityProblems {

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::answer);
    }

    private void answer(RoutingContext context) {
        Throwable failure = context.failure();
        Response.Status status;
        String detail;
        if (failure instanceof AuthenticationFailedException) {
            status = Response.Status.UNAUTHORIZED;
            detail = ProblemMappers.LOGIN_REFUSED;
        } else if (failure instanceof UnauthorizedException || (failure == null && context.statusCode() == 401)) {
            status = Response.Status.UNAUTHORIZED;
            detail = ProblemMappers.NO_LOGIN;
        } else if (failure instanceof ForbiddenException || (failure == null && context.statusCode() == 403)) {
            status = Response.Status.FORBIDDEN;
            detail = failure == null || failure.getMessage() == null || failure.getMessage().isBlank()
                    ? ProblemMappers.ROLE_MISSING : failure.getMessage();
        } else {
            context.next();
            return;
        }
        if (context.response().ended() || context.response().headWritten()) {
            return;
        }
        Problem problem = Problem.of(status, detail).at(context.request().path());
        if (status == Response.Status.UNAUTHORIZED) {
            context.response().putHeader("WWW-Authenticate", ProblemMappers.challenge());
        }
        context.response().setStatusCode(status.getStatusCode())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE).end(ContractJson.write(problem));
    }
}
