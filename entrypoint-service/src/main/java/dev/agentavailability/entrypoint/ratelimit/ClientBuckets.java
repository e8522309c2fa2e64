package dev.agentavailability.entrypoint.ratelimit;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * One token bucket per client address. Kept by hand: SmallRye Fault Tolerance's {@code @RateLimit} is one limit
 * per method, not per client. Buckets of quiet clients are dropped once there are many, so memory stays bounded.
 */
final class ClientBuckets {

    static final int MAX_CLIENTS = 100_000;

    private final double perNano;
    private final double burst;
    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    private static final class Bucket {
        double tokens;
        long updated;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.updated = at;
        }
    }

    ClientBuckets(double perSecond, int burst) {
        if (!(perSecond > 0) || burst < 1) {
            throw new IllegalArgumentException("a rate limit needs perSecond > 0 and burst >= 1, was " + perSecond
                    + " and " + burst);
        }
        this.perNano = perSecond / 1e9;
        this.burst = burst;
    }

    /** Takes one call from the client's bucket at {@code nanos}: 0 when it may go ahead, else the nanoseconds to wait. */
    long take(String client, long nanos) {
        if (buckets.size() >= MAX_CLIENTS) {
            buckets.values().removeIf(b -> refill(b, nanos) >= burst);
        }
        Bucket bucket = buckets.computeIfAbsent(client, c -> new Bucket(burst, nanos));
        synchronized (bucket) {
            double tokens = refill(bucket, nanos);
            if (tokens >= 1) {
                bucket.tokens = tokens - 1;
                return 0;
            }
            bucket.tokens = tokens;
            return (long) Math.ceil((1 - tokens) / perNano);
        }
    }

    private double refill(Bucket bucket, long nanos) {
        synchronized (bucket) {
            double tokens = Math.min(burst, bucket.tokens + Math.max(0, nanos - bucket.updated) * perNano);
            bucket.tokens = tokens;
            bucket.updated = Math.max(bucket.updated, nanos);
            return tokens;
        }
    }
}
