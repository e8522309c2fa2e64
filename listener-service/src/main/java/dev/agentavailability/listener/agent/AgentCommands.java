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
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.jboss.logging.Logger;

/**
 * Runs an ARM message as the ARM client would send it, whether it comes from an agent action or from
 * {@code POST /arm}: checks it against the agent's state (and, for a login or a domain status, against the
 * reference data), publishes the event, and only once Kafka has acknowledged it applies it to the agent's
 * state. One agent's messages run one at a time; different agents' run in parallel. MRD-wide messages
 * (a domain status) run one at a time among themselves and change no agent.
 */
@Singleton
public class AgentCommands {

    private static final Logger LOG = Logger.getLogger(AgentCommands.class);
    /** The lock of messages about a whole MRD; no agent has id 0. */
    private static final int MRD_WIDE = 0;
    private static final String RETRY_AFTER_SECONDS = "5";

    private final AgentStates states;
    private final AgentLocks locks = new AgentLocks();
    private final InvokeIds invokeIds;
    private final SentRequests sentRequests;
    private final ReferenceData referenceData;
    private final LoginPolicy loginPolicy;
    private final ArmEventPublisher publisher;
    private final IdempotentActions idempotent;
    private final ListenerStatus status;
    private final Clock clock = Clock.systemUTC();
    private final MeterRegistry meters;
    private final PublishingSlots slots;
    private final int publishingSlots;

    public AgentCommands(AgentStates states, InvokeIds invokeIds, SentRequests sentRequests,
            ReferenceData referenceData, ArmEventPublisher publisher, IdempotentActions idempotent,
            ListenerStatus status, ListenerSettings settings, MeterRegistry meters, PublishingSlots slots) {
        this.slots = slots;
        this.publishingSlots = settings.publishingSlots();
        this.idempotent = idempotent;
        this.meters = meters;
        this.states = states;
        this.invokeIds = invokeIds;
        this.sentRequests = sentRequests;
        this.referenceData = referenceData;
        this.loginPolicy = new LoginPolicy(settings.applicationPathId());
        this.publisher = publisher;
        this.status = status;
    }

    /**
     * Checks, publishes and applies one message; the event's time is now, its invoke id the request's or,
     * when the request has none, the listener's next.
     *
     * @throws ProblemException 409 with the ARM status when the message is refused, 503 when the listener is
     *                          not ready or Kafka did not acknowledge the event
     */
    public Published run(ArmRequest request) {
        return run(request, null);
    }

    /**
     * {@link #run(ArmRequest)} with the event id of an {@link IdempotentActions idempotent} action: when an event
     * of that id is stored already, its outcome is the answer and nothing is published.
     */
    public Published run(ArmRequest request, UUID eventId) {
        requireReady();
        try {
            return slots.run(() -> runInSlot(request, eventId));
        } catch (BulkheadException full) {
            throw new ProblemException(Problem.of(Response.Status.SERVICE_UNAVAILABLE, request.message()
                    + " was not run, nothing was written: " + publishingSlots + " actions are under way already, "
                    + "waiting on Kafka (availability.listener.publishing-slots)")
                    .withHeader("Retry-After", RETRY_AFTER_SECONDS));
        }
    }

    private Published runInSlot(ArmRequest request, UUID eventId) {
        int lock = request.message().isPerAgent() ? request.icmAgentId() : MRD_WIDE;
        return locks.withLock(lock, () -> {
            if (eventId != null) {
                Optional<Published> first = idempotent.find(eventId);
                if (first.isPresent()) {
                    return first.get();
                }
            }
            long invokeId = request.invokeId() != null ? request.invokeId() : invokeIds.next();
            ArmEvent event = request.toEvent(invokeId, clock.instant().truncatedTo(ChronoUnit.MILLIS), eventId);
            AgentState current = states.get(request.icmAgentId()).orElse(null);
            Optional<Refusal> refusal = policyRefusal(event).or(() -> AgentTransitions.check(current, event));
            if (refusal.isPresent()) {
                Counter.builder("availability.arm.refusals").description("ARM messages refused, by ARM status")
                        .tag("armStatus", refusal.get().status().name()).register(meters).increment();
                throw ArmRefusals.conflict(refusal.get());
            }
            List<Publication> stored = publish(event);
            stored.forEach(at -> idempotent.stored(event, at));
            Counter.builder("availability.arm.events.published").description("ARM events Kafka acknowledged")
                    .tag("message", event.message().name()).register(meters).increment();
            if (event.message().isPerAgent()) {
                states.put(AgentTransitions.apply(current, event));
            }
            invokeIds.seedAbove(invokeId);
            sentRequests.remember(event);
            return new Published(stored.stream().map(at -> PublishedEvent.of(event, at)).toList());
        });
    }

    public AgentState agent(int icmAgentId) {
        requireReady();
        return states.get(icmAgentId).orElseThrow(() -> new ProblemException(Problem.of(Response.Status.NOT_FOUND,
                "agent " + icmAgentId + " has no ARM event on the agent-event topic")));
    }

    /** Answers 503 unless agent states are rebuilt and the reference data is caught up. */
    public void requireReady() {
        status.notReadyBecause().ifPresent(why -> {
            throw new ProblemException(Problem.of(Response.Status.SERVICE_UNAVAILABLE, "not ready: " + why));
        });
    }

    private Optional<Refusal> policyRefusal(ArmEvent event) {
        if (event.message() == ArmMessage.MEDIA_LOGIN_REQ) {
            return referenceData.read(view -> loginPolicy.check(view, event.icmAgentId(), event.mrdId()));
        }
        if (event.message() == ArmMessage.APP_PATH_DOMAIN_STATUS_EVENT) {
            return referenceData.read(view -> DomainStatusPolicy.check(view,
                    event.fields().applicationPathId(), event.mrdId()));
        }
        return Optional.empty();
    }

    private List<Publication> publish(ArmEvent event) {
        try {
            return publisher.publish(event);
        } catch (PublishFailedException e) {
            // The state is left as it was. If Kafka did store the event after all (a timeout after the
            // broker wrote it), the restart's rebuild from the topic picks it up.
            LOG.errorf("%s for agent %d MRD %d (event %s) not published: %s", event.message(), event.icmAgentId(),
                    event.mrdId(), event.eventId(), e.getMessage());
            if (e.maybeStored()) {
                // Kafka may have stored it and lost the answer: saying "failed" would be a guess
                throw new ProblemException(Problem.of(Response.Status.GATEWAY_TIMEOUT, "outcome unknown: "
                        + event.message() + " may or may not be stored (" + e.getMessage() + "); look for event "
                        + event.eventId() + " on the agent-event topic before you send the action again")
                        .with("outcome", "UNKNOWN").with("eventId", event.eventId().toString()));
            }
            throw new ProblemException(Problem.of(Response.Status.SERVICE_UNAVAILABLE, event.message()
                    + " was not published, nothing was written: " + e.getMessage())
                    .withHeader("Retry-After", RETRY_AFTER_SECONDS));
        }
    }
}
