package dev.agentavailability.listener.agent;

import java.util.List;

/**
 * The answer to an agent action: what was published, once Kafka acknowledged it; {@code repeat} when the action
 * repeated an earlier one's {@code Idempotency-Key}, whose events these are (nothing was published again).
 */
public record Published(List<PublishedEvent> published, boolean repeat) {

    /** The answer of an action whose events were published now. */
    public Published(List<PublishedEvent> published) {
        this(published, false);
    }
}
