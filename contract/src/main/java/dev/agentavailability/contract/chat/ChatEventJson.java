package dev.agentavailability.contract.chat;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.agentavailability.contract.ContractJson;
import dev.agentavailability.contract.Decoded;

/** Reads and writes {@link ChatEvent} JSON. */
public final class ChatEventJson {

    private ChatEventJson() {
    }

    public static String write(ChatEvent event) {
        return ContractJson.write(event);
    }

    public static Decoded<ChatEvent> read(String json) {
        if (json == null || json.isBlank()) {
            return Decoded.malformed("empty record value");
        }
        try {
            return Decoded.ok(ContractJson.mapper().readValue(json, ChatEvent.class)).check(ChatEventJson::fault);
        } catch (JsonProcessingException e) {
            return Decoded.malformed(ContractJson.describe(e));
        }
    }

    static String fault(ChatEvent e) {
        if (e.schemaVersion() != ChatEvent.SCHEMA_VERSION) {
            return "unsupported schemaVersion " + e.schemaVersion() + " (this reader knows " + ChatEvent.SCHEMA_VERSION + ")";
        }
        if (e.eventId() == null || e.type() == null || e.occurredAt() == null || e.chatId() == null) {
            return "eventId, type, occurredAt and chatId are required";
        }
        if (e.entryPointId() <= 0) {
            return "entryPointId must be positive, was " + e.entryPointId();
        }
        if (e.type() == ChatEventType.STARTED && (e.mrdId() <= 0 || e.skillGroupIds().isEmpty())) {
            return "STARTED needs the entry point's mrdId and skillGroupIds";
        }
        boolean forAgent = e.type() == ChatEventType.ASSIGNED || e.type() == ChatEventType.OFFERED
                || e.type() == ChatEventType.ASSIGNMENT_FAILED;
        if (forAgent && (e.icmAgentId() <= 0 || e.taskId() == null)) {
            return e.type() + " needs icmAgentId and taskId";
        }
        return null;
    }
}
