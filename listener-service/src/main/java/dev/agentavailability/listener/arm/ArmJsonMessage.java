package dev.agentavailability.listener.arm;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.agentavailability.contract.arm.ArmFields;
import dev.agentavailability.contract.arm.ArmMessage;
import jakarta.validation.constraints.NotNull;

/**
 * One ARM message in the JSON shape of an agent-event record. The members the listener decides itself
 * (schemaVersion, eventId, occurredAt, source) may be present, as in a record copied from the topic, and are
 * ignored: the event gets a new id, the time of the call and the listener as its source.
 *
 * @param messageType optional; when present it must be the message's type
 * @param invokeId    optional; absent, a request or indication gets the listener's next invoke id and a
 *                    server message (an event, a response) 0
 * @param mrdId       absent reads as 0 (a response's MRD then comes from the request it answers)
 * @param icmAgentId  absent reads as 0 (MRD-wide messages; a response's agent comes from its request)
 */
@JsonIgnoreProperties({"schemaVersion", "eventId", "occurredAt", "source"})
public record ArmJsonMessage(
        @NotNull ArmMessage message,
        Integer messageType,
        Long invokeId,
        Integer mrdId,
        Integer icmAgentId,
        ArmFields fields) {
}
