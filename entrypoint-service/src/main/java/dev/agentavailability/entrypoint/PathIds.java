package dev.agentavailability.entrypoint;

import dev.agentavailability.rest.Problem;
import dev.agentavailability.rest.ProblemException;
import jakarta.ws.rs.core.Response;

/** Reads an id from a URL path: a positive whole number, else a 400 problem that says so. */
public final class PathIds {

    private PathIds() {
    }

    public static long entryPointId(String raw) {
        long id;
        try {
            id = Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw invalid(raw);
        }
        if (id <= 0) {
            throw invalid(raw);
        }
        return id;
    }

    public static ProblemException notFound(long id) {
        return new ProblemException(Problem.of(Response.Status.NOT_FOUND, "entry point " + id + " does not exist")
                .with("entryPointId", id));
    }

    private static ProblemException invalid(String raw) {
        return new ProblemException(Problem.of(Response.Status.BAD_REQUEST,
                "entry point id must be a positive whole number, got '" + raw + "'"));
    }
}
