package dev.agentavailability.entrypoint.ratelimit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How many public calls (initialize, chat start and abandon) one client address may make. A chat page makes one
 * initialize and at most one start per visitor, so the defaults leave room for a contact center's busiest NAT.
 */
@ConfigMapping(prefix = "availability.rate-limit")
public interface RateLimitSettings {

    /** Off: every call passes (a gateway in front limits instead). */
    @WithDefault("true")
    boolean enabled();

    /** Calls per second one address may sustain. */
    @WithDefault("20")
    double perSecond();

    /** Calls one address may make at once after being quiet. */
    @WithDefault("40")
    int burst();
}
