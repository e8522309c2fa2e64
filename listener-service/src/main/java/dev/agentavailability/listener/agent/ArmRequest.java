package dev.agentavailability.listener.agent;

import dev.agentavailability.contract.arm.ArmEvent;
import dev.agentavailability.contract.arm.ArmFields;
import dev.agentavailability.contract.arm.ArmMessage;
import dev.agentavailability.listener.ListenerSettings;
import java.time.Instant;

/**
 * An ARM message as the listener is asked to send it, before it gets a time (and, unless the caller gives
 * one, an invoke id).
 *
 * @param invokeId the invoke id the message carries (an ECE frame's, or 0 for a server event), or null for
 *                 the listener's next one (an agent action)
 */
public record ArmRequest(ArmMessage message, Long invokeId, int icmAgentId, int mrdId, ArmFields fields) {

    /** An agent action: the listener numbers it. */
    public ArmRequest(ArmMessage message, int icmAgentId, int mrdId, ArmFields fields) {
        this(message, null, icmAgentId, mrdId, fields);
    }

    /** The message of an event read from the wire or from JSON, keeping its invoke id. */
    public static ArmRequest of(ArmEvent event) {
        return new ArmRequest(event.message(), event.invokeId(), event.icmAgentId(), event.mrdId(), event.fields());
    }

    public ArmEvent toEvent(long invokeId, Instant at) {
        return ArmEvent.of(message, at, invokeId, mrdId, icmAgentId, fields, ListenerSettings.SOURCE);
    }

    /** The event with the given id (an idempotent action's), or a random one when null. */
    public ArmEvent toEvent(long invokeId, Instant at, java.util.UUID eventId) {
        ArmEvent event = toEvent(invokeId, at);
        return eventId == null ? event : new ArmEvent(event.schemaVersion(), eventId, event.message(),
                event.messageType(), event.occurredAt(), event.invokeId(), event.mrdId(), event.icmAgentId(),
                event.fields(), event.source());
    }
}
