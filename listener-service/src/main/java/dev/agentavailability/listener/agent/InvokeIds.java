package dev.agentavailability.listener.agent;

import jakarta.inject.Singleton;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The listener's invoke id counter, as an ARM client numbers its requests (the CTI server traces show
 * consecutive ids). Seeded above the largest invoke id on the topic at start-up, so a restart never reuses one.
 */
@Singleton
public class InvokeIds {

    private final AtomicLong last = new AtomicLong();

    public long next() {
        return last.incrementAndGet();
    }

    /** Makes the next id larger than {@code seen}. */
    public void seedAbove(long seen) {
        last.accumulateAndGet(seen, Math::max);
    }
}
