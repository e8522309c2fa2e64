package dev.agentavailability.contract.chat;

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
        return ContractJson.readRecord(json, ChatEvent.class, ChatEvent::schemaVersion, ChatEvent.SCHEMA_VERSION, ChatEventJson::fault);
    }

    static String fault(ChatEvent e) {
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
