package dev.agentavailability.listener.agent;

import dev.agentavailability.contract.arm.ArmEvent;
import dev.agentavailability.contract.arm.ArmMessage;
import dev.agentavailability.listener.publish.Publication;
import java.time.Instant;
import java.util.UUID;

/** One event the listener published, and where Kafka stored it. */
public record PublishedEvent(UUID eventId, ArmMessage message, int messageType, long invokeId, int mrdId,
        int icmAgentId, Instant occurredAt, String topic, int partition, long offset) {

    static PublishedEvent of(ArmEvent event, Publication at) {
        return new PublishedEvent(event.eventId(), event.message(), event.messageType(), event.invokeId(),
                event.mrdId(), event.icmAgentId(), event.occurredAt(), at.topic(), at.partition(), at.offset());
    }
}
