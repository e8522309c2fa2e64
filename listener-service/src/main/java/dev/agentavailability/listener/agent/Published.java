package dev.agentavailability.listener.agent;

import java.util.List;

/** The answer to an agent action: what was published, once Kafka acknowledged it. */
public record Published(List<PublishedEvent> published) {
}
