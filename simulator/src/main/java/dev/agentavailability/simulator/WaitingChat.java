package dev.agentavailability.simulator;

import java.time.Instant;
import java.util.UUID;

/**
 * A chat this simulator started that, as far as it knows, still waits for an agent.
 *
 * @param taskId the task id the router gives the chat's offer ({@link #taskIdFor})
 */
public record WaitingChat(long entryPointId, String chatId, String taskId, Instant startedAt) {

    public static WaitingChat started(long entryPointId, String chatId, Instant at) {
        return new WaitingChat(entryPointId, chatId, taskIdFor(chatId), at);
    }

    /**
     * The CTI task id of a chat's offer, {@code high-low-sequence}: the same derivation as the contract's
     * {@code ChatEvent.taskIdFor} (checked by ChatTaskIdTest), copied so that the simulator needs no Kafka client.
     */
    public static String taskIdFor(String chatId) {
        try {
            UUID id = UUID.fromString(chatId);
            return (id.getMostSignificantBits() >>> 33) + "-" + (id.getLeastSignificantBits() >>> 33) + "-1";
        } catch (IllegalArgumentException notAUuid) {
            return "";
        }
    }
}
