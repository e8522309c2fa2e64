package dev.agentavailability.listener.agent;

import dev.agentavailability.contract.PlainText;
import dev.agentavailability.contract.arm.ArmEvent;
import dev.agentavailability.listener.publish.Publication;
import dev.agentavailability.rest.Problem;
import dev.agentavailability.rest.ProblemException;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Actions sent with an {@code Idempotency-Key}: the key (with the caller's name) fixes the event id, so a
 * repeat of an action whose event is stored answers the first outcome and publishes nothing. The outcomes are
 * remembered as events are published and, at start-up, as the rebuild reads them back from the topic, so a
 * repeat finds its first outcome across restarts too. Bounded: the newest {@value #CAPACITY} keyed events.
 */
@Singleton
public class IdempotentActions {

    public static final String HEADER = "Idempotency-Key";
    static final int CAPACITY = 50_000;
    private static final int MAX_KEY_LENGTH = 200;

    private final Map<UUID, List<PublishedEvent>> stored = new LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, List<PublishedEvent>> eldest) {
            return size() > CAPACITY;
        }
    };

    /**
     * The event id of a keyed action (a name-based UUID, version 3, which no random event id is), or null
     * without a key.
     *
     * @throws ProblemException 400 when the key is empty, too long or not plain text
     */
    public static UUID eventId(String caller, String key) {
        if (key == null) {
            return null;
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH || PlainText.hasControlCharacters(key)) {
            throw new ProblemException(Problem.of(Response.Status.BAD_REQUEST, HEADER + " must be 1 to "
                    + MAX_KEY_LENGTH + " characters of plain text"));
        }
        return UUID.nameUUIDFromBytes((caller + "\n" + key).getBytes(StandardCharsets.UTF_8));
    }

    /** What the first action with this event id published, if its events are stored. */
    public synchronized Optional<Published> find(UUID eventId) {
        List<PublishedEvent> events = stored.get(eventId);
        return events == null ? Optional.empty() : Optional.of(new Published(List.copyOf(events), true));
    }

    /** A keyed event Kafka stored here (one record, or one of an MRD-wide event's records). */
    public synchronized void stored(ArmEvent event, Publication at) {
        if (event.eventId().version() == 3) {
            stored.computeIfAbsent(event.eventId(), id -> new ArrayList<>()).add(PublishedEvent.of(event, at));
        }
    }
}
