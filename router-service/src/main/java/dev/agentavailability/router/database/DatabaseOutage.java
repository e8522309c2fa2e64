package dev.agentavailability.router.database;

import dev.agentavailability.rest.database.DatabaseUnreachable;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.faulttolerance.api.Guard;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Runs a database call again, with a growing pause up to two seconds, for as long as PostgreSQL cannot be reached:
 * the consumer that called it waits instead of failing its channel, so nothing is acked, committed or skipped
 * meanwhile, and it goes on where it stood once PostgreSQL is back. A statement PostgreSQL refuses fails at once.
 */
@ApplicationScoped
public class DatabaseOutage {

    private static final Logger LOG = Logger.getLogger(DatabaseOutage.class);

    private final AtomicLong retries = new AtomicLong();
    private final Counter waits;
    private final Guard guard = Guard.create()
            .withRetry().maxRetries(-1).maxDuration(3650, ChronoUnit.DAYS).delay(200, ChronoUnit.MILLIS)
            .withExponentialBackoff().factor(2).maxDelay(2, ChronoUnit.SECONDS).done()
            .whenException(DatabaseUnreachable::test)
            .beforeRetry(this::waiting).onSuccess(this::answered).done()
            .build();

    DatabaseOutage(MeterRegistry meters) {
        this.waits = Counter.builder("availability.database.waits")
                .description("database calls run again because PostgreSQL could not be reached").register(meters);
    }

    /** What {@code call} returns, once PostgreSQL answered it. For calls that return their result (not async). */
    @SuppressWarnings("unchecked")
    public <T> T rideOut(Callable<T> call) {
        try {
            return (T) guard.call(call::call, Object.class);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs {@code work}, once PostgreSQL answered it. */
    public void rideOut(Runnable work) {
        rideOut(() -> {
            work.run();
            return null;
        });
    }

    private void answered() {
        long waited = retries.getAndSet(0);
        if (waited > 0) {
            LOG.infof("PostgreSQL answers again after %d attempts", waited);
        }
    }

    private void waiting(Throwable failure) {
        waits.increment();
        long n = retries.incrementAndGet();
        if (n == 1 || n % 30 == 0) { // a line when it starts, then about one a minute
            LOG.warnf("PostgreSQL unreachable (%s): waiting for it, nothing skipped (%d attempts so far)",
                    failure.getMessage(), n);
        }
    }
}
