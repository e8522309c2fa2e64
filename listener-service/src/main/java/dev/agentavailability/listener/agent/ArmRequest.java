package dev.agentavailability.listener.agent;

import dev.agentavailability.contract.arm.ArmEvent;
import dev.agentavailability.contract.arm.ArmFields;
import dev.agentavailability.contract.arm.ArmMessage;
import dev.agentavailability.listener.ListenerSettings;
import java.time.Instant;

/** An agent action as the ARM message it becomes, before it gets an invoke id and a time. */
public record ArmRequest(ArmMessage message, int icmAgentId, int mrdId, ArmFields fields) {

    public ArmEvent toEvent(long invokeId, Instant at) {
        return ArmEvent.of(message, at, invokeId, mrdId, icmAgentId, fields, ListenerSettings.SOURCE);
    }
}
