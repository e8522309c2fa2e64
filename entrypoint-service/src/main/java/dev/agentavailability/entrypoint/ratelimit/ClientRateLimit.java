package dev.agentavailability.entrypoint.ratelimit;

import jakarta.enterprise.context.ApplicationScoped;

/** The buckets of the public calls, made once from {@link RateLimitSettings}. */
@ApplicationScoped
public class ClientRateLimit {

    private final RateLimitSettings settings;
    private final ClientBuckets buckets;

    public ClientRateLimit(RateLimitSettings settings) {
        this.settings = settings;
        this.buckets = new ClientBuckets(settings.perSecond(), settings.burst());
    }

    RateLimitSettings settings() {
        return settings;
    }

    /** 0 when the client's call may go ahead now, else the nanoseconds until it may. */
    long take(String client) {
        return settings.enabled() ? buckets.take(client, System.nanoTime()) : 0;
    }
}
