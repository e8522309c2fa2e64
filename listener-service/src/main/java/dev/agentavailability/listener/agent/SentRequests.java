package dev.agentavailability.listener.agent;

import dev.agentavailability.contract.arm.ArmEvent;
import dev.agentavailability.contract.arm.ArmMessage;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The requests the listener published that a CTI server answers with a *_RESP, by invoke id. A response on
 * the wire carries only the invoke id it echoes and its status; its MRD and agent are those of the request,
 * as a client matches them. Bounded: the newest {@value #CAPACITY} requests are kept (seeded from the
 * agent-event topic at start-up).
 */
@Singleton
public class SentRequests {

    static final int CAPACITY = 10_000;

    /** What a response needs to know of its request. */
    public record Sent(ArmMessage message, int icmAgentId, int mrdId) {
    }

    private final Map<Long, Sent> byInvokeId = new LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Sent> eldest) {
            return size() > CAPACITY;
        }
    };

    /** Keeps the event if it is a request that gets a response. */
    public synchronized void remember(ArmEvent event) {
        if (event.invokeId() != 0 && answeredBy(event.message()).isPresent()) {
            byInvokeId.remove(event.invokeId());
            byInvokeId.put(event.invokeId(), new Sent(event.message(), event.icmAgentId(), event.mrdId()));
        }
    }

    public synchronized Optional<Sent> find(long invokeId) {
        return Optional.ofNullable(byInvokeId.get(invokeId));
    }

    /** Whether the message is a response (MEDIA_LOGIN_RESP, ..._RESP). */
    public static boolean isResponse(ArmMessage message) {
        return message.name().endsWith("_RESP");
    }

    /** The request a response answers: the message type just below it (151/152, 155/156, ... 176/177). */
    public static Optional<ArmMessage> requestOf(ArmMessage response) {
        return isResponse(response) ? ArmMessage.ofType(response.type() - 1) : Optional.empty();
    }

    /** The response that answers a request, if the request gets one. */
    public static Optional<ArmMessage> answeredBy(ArmMessage request) {
        return ArmMessage.ofType(request.type() + 1).filter(SentRequests::isResponse);
    }
}
