package dev.agentavailability.entrypoint;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;

/**
 * The service's clock: business hours, chat start times and queue timeouts read it. The system UTC clock unless a
 * test replaces it ({@link #use(Clock)}, {@link #reset()}).
 */
@ApplicationScoped
public class AppClock {

    private volatile Clock clock = Clock.systemUTC();

    public Instant now() {
        return clock.instant();
    }

    public Clock clock() {
        return clock;
    }

    /** Replaces the clock (tests). */
    public void use(Clock replacement) {
        clock = replacement;
    }

    public void reset() {
        clock = Clock.systemUTC();
    }
}
