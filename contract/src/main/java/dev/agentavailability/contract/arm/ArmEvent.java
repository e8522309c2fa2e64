package dev.agentavailability.contract.arm;

import java.time.Instant;
import java.util.UUID;

/**
 * One ARM message as an event on the agent-event topic, keyed by ICM agent id so that one agent's
 * events stay in order. Schema version {@value #SCHEMA_VERSION}.
 *
 * @param schemaVersion version of this JSON shape
 * @param eventId       unique id, also the idempotency key
 * @param message       the ARM message name
 * @param messageType   the ARM message type number (redundant with the name, checked on read)
 * @param occurredAt    when the message was sent (the listener's clock, or the log's time on import)
 * @param invokeId      the client's invoke id, as in CTI server traces
 * @param mrdId         media routing domain id
 * @param icmAgentId    ICM agent id (the agent's skill target id)
 * @param fields        message-specific fields
 * @param source        who published it (listener-service, import-log, ...)
 */
public record ArmEvent(
        int schemaVersion,
        UUID eventId,
        ArmMessage message,
        int messageType,
        Instant occurredAt,
        long invokeId,
        int mrdId,
        int icmAgentId,
        ArmFields fields,
        String source) {

    public static final int SCHEMA_VERSION = 1;

    public static ArmEvent of(ArmMessage message, Instant occurredAt, long invokeId, int mrdId, int icmAgentId,
            ArmFields fields, String source) {
        return new ArmEvent(SCHEMA_VERSION, UUID.randomUUID(), message, message.type(), occurredAt, invokeId,
                mrdId, icmAgentId, fields == null ? ArmFields.NONE : fields, source);
    }

    /**
     * The Kafka record key: the ICM agent id, so one agent's events share a partition. A message about a
     * whole MRD is written to every partition, keyed by its application path and MRD.
     */
    public String key() {
        return message.isPerAgent() ? Integer.toString(icmAgentId)
                : "APP_PATH:" + fields.applicationPathId() + "/MRD:" + mrdId;
    }
}
