package dev.agentavailability.entrypoint;

import dev.agentavailability.rest.Problem;
import dev.agentavailability.rest.ProblemException;
import jakarta.ws.rs.core.Response;

/** Reads an id or a number from a URL: a whole number in its range, else a 400 problem that says so. */
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

    /** An ICM agent id: a positive int. */
    public static int agentId(String raw) {
        return number("ICM agent id", raw, 1, Integer.MAX_VALUE);
    }

    /** A whole number within bounds, else a 400 problem naming the parameter. */
    public static int number(String name, String raw, int min, int max) {
        try {
            int value = Integer.parseInt(raw.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new ProblemException(Problem.of(Response.Status.BAD_REQUEST,
                name + " must be a whole number from " + min + " to " + max + ", got '" + raw + "'"));
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
