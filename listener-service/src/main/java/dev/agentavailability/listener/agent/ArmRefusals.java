package dev.agentavailability.listener.agent;

import dev.agentavailability.projection.Refusal;
import dev.agentavailability.rest.Problem;
import dev.agentavailability.rest.ProblemException;
import jakarta.ws.rs.core.Response;

/** A refused ARM request as the 409 problem the caller gets, carrying the ARM status. */
final class ArmRefusals {

    private ArmRefusals() {
    }

    static ProblemException conflict(Refusal refusal) {
        return new ProblemException(Problem.of(Response.Status.CONFLICT, refusal.reason())
                .with("armStatus", refusal.status().name())
                .with("armStatusCode", refusal.status().code()));
    }
}
