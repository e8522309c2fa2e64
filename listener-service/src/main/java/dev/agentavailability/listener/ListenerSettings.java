package dev.agentavailability.listener;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;

/** What this listener instance is: its application path, and how long it waits for Kafka. */
@ConfigMapping(prefix = "availability.listener")
public interface ListenerSettings {

    /** Who the events say published them. */
    String SOURCE = "listener-service";

    /** The application path this listener signs agents in over, as an ECE listener names it in OPEN_REQ. */
    @WithName("application-path-id")
    @WithDefault("5001")
    int applicationPathId();

    /** How long an HTTP call waits for Kafka to acknowledge its event. */
    @WithName("publish-timeout")
    @WithDefault("30s")
    Duration publishTimeout();

    /**
     * Agent actions under way at once, each publishing or queued on its agent's lock behind a publish; the bulkhead
     * of {@link dev.agentavailability.listener.agent.PublishingSlots} is set from it.
     */
    @WithName("publishing-slots")
    @WithDefault("64")
    int publishingSlots();

    /** The wait between two attempts of the start-up (topics, rebuild) while Kafka does not answer. */
    @WithName("startup-retry")
    @WithDefault("5s")
    Duration startupRetry();
}
