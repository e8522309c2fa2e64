package dev.agentavailability.listener.arm;

import dev.agentavailability.listener.agent.AgentCommands;
import dev.agentavailability.listener.agent.ArmRequest;
import dev.agentavailability.listener.agent.Published;
import dev.agentavailability.listener.agent.PublishedEvent;
import dev.agentavailability.rest.Problem;
import dev.agentavailability.rest.ProblemException;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the messages of one {@code POST /arm} in order, each exactly as an agent action runs. The first that
 * fails stops the rest; those before it stay published, and the problem says which message failed (its
 * index), why (armStatus, armStatusCode, reason) and what was published before it.
 */
final class ArmSequence {

    private ArmSequence() {
    }

    static Published run(AgentCommands commands, List<ArmRequest> requests) {
        List<PublishedEvent> published = new ArrayList<>();
        for (int index = 0; index < requests.size(); index++) {
            ArmRequest request = requests.get(index);
            try {
                published.addAll(commands.run(request).published());
            } catch (ProblemException failed) {
                throw new ProblemException(atIndex(failed.problem(), index, requests.size(), request, published));
            }
        }
        return new Published(List.copyOf(published));
    }

    private static Problem atIndex(Problem failed, int index, int count, ArmRequest request,
            List<PublishedEvent> published) {
        String detail = "message " + index + " of " + count + " (" + request.message() + ") "
                + (failed.getStatus() == 409 ? "refused" : "failed") + ": " + failed.getDetail()
                + (published.isEmpty() ? "" : "; the " + published.size() + " record(s) before it stay published");
        Problem problem = new Problem(failed.getType(), failed.getTitle(), failed.getStatus(), detail, null);
        problem.with("index", index).with("message", request.message().name());
        failed.getExtensions().forEach(problem::with);
        return problem.with("reason", failed.getDetail()).with("published", List.copyOf(published));
    }
}
