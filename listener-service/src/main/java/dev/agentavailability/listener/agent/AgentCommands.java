package dev.agentavailability.listener.agent;

import dev.agentavailability.contract.arm.ArmEvent;
import dev.agentavailability.contract.arm.ArmMessage;
import dev.agentavailability.listener.ListenerSettings;
import dev.agentavailability.listener.ListenerStatus;
import dev.agentavailability.listener.config.ReferenceData;
import dev.agentavailability.listener.publish.ArmEventPublisher;
import dev.agentavailability.listener.publish.Publication;
import dev.agentavailability.listener.publish.PublishFailedException;
import dev.agentavailability.projection.AgentState;
import dev.agentavailability.projection.AgentTransitions;
import dev.agentavailability.projection.Refusal;
import dev.agentavailability.rest.Problem;
import dev.agentavailability.rest.ProblemException;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Runs an agent action as the ARM client would send it: checks it against the agent's state (and, for a
 * login, against the reference data), publishes the event, and only once Kafka has acknowledged it applies
 * it to the agent's state. One agent's actions run one at a time; different agents' run in parallel.
 */
@Singleton
public class AgentCommands {

    private static final Logger LOG = Logger.getLogger(AgentCommands.class);

    private final AgentStates states;
    private final AgentLocks locks = new AgentLocks();
    private final InvokeIds invokeIds;
    private final ReferenceData referenceData;
    private final LoginPolicy loginPolicy;
    private final ArmEventPublisher publisher;
    private final ListenerStatus status;
    private final Clock clock = Clock.systemUTC();

    public AgentCommands(AgentStates states, InvokeIds invokeIds, ReferenceData referenceData,
            ArmEventPublisher publisher, ListenerStatus status, ListenerSettings settings) {
        this.states = states;
        this.invokeIds = invokeIds;
        this.referenceData = referenceData;
        this.loginPolicy = new LoginPolicy(settings.applicationPathId());
        this.publisher = publisher;
        this.status = status;
    }

    public Published run(ArmRequest request) {
        requireReady();
        return locks.withLock(request.icmAgentId(), () -> {
            ArmEvent event = request.toEvent(invokeIds.next(), clock.instant().truncatedTo(ChronoUnit.MILLIS));
            AgentState current = states.get(request.icmAgentId()).orElse(null);
            Optional<Refusal> refusal = policyRefusal(request).or(() -> AgentTransitions.check(current, event));
            if (refusal.isPresent()) {
                throw ArmRefusals.conflict(refusal.get());
            }
            Publication stored = publish(event);
            states.put(AgentTransitions.apply(current, event));
            return new Published(List.of(PublishedEvent.of(event, stored)));
        });
    }

    public AgentState agent(int icmAgentId) {
        requireReady();
        return states.get(icmAgentId).orElseThrow(() -> new ProblemException(Problem.of(Response.Status.NOT_FOUND,
                "agent " + icmAgentId + " has no ARM event on the agent-event topic")));
    }

    private Optional<Refusal> policyRefusal(ArmRequest request) {
        if (request.message() != ArmMessage.MEDIA_LOGIN_REQ) {
            return Optional.empty();
        }
        return referenceData.read(view -> loginPolicy.check(view, request.icmAgentId(), request.mrdId()));
    }

    private Publication publish(ArmEvent event) {
        try {
            return publisher.publish(event);
        } catch (PublishFailedException e) {
            // The state is left as it was. If Kafka did store the event after all (a timeout after the
            // broker wrote it), the restart's rebuild from the topic picks it up.
            LOG.errorf("%s for agent %d MRD %d (event %s) not published: %s", event.message(), event.icmAgentId(),
                    event.mrdId(), event.eventId(), e.getMessage());
            throw new ProblemException(Problem.of(Response.Status.SERVICE_UNAVAILABLE,
                    event.message() + " was not published: " + e.getMessage()));
        }
    }

    private void requireReady() {
        status.notReadyBecause().ifPresent(why -> {
            throw new ProblemException(Problem.of(Response.Status.SERVICE_UNAVAILABLE, "not ready: " + why));
        });
    }
}
