package dev.agentavailability.rest.database;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;

/**
 * Whether PostgreSQL answers {@code select 1} within a budget. Quarkus' own datasource check waits as long as the
 * database does, so a frozen server (a hung disk, a paused VM) made readiness hang instead of answering. The probe
 * runs on a thread of its own; while one is stuck, no other starts and the answer comes at once.
 */
public final class DatabaseProbe implements AutoCloseable {

    private final DataSource database;
    private final Duration budget;
    private final ExecutorService probes = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "database-probe");
        thread.setDaemon(true);
        return thread;
    });
    private Future<?> probe;

    public DatabaseProbe(DataSource database, Duration budget) {
        this.database = database;
        this.budget = budget;
    }

    /** Empty when PostgreSQL answered within the budget, else why not. */
    public Optional<String> fault() {
        Future<?> current = currentProbe();
        try {
            current.get(budget.toMillis(), TimeUnit.MILLISECONDS);
            return Optional.empty();
        } catch (TimeoutException slow) {
            return Optional.of("PostgreSQL did not answer within " + budget.toMillis() + " ms");
        } catch (ExecutionException failed) {
            return Optional.of("PostgreSQL: " + failed.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        }
    }

    private synchronized Future<?> currentProbe() {
        if (probe == null || probe.isDone()) {
            probe = probes.submit(() -> {
                try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
                    statement.execute("select 1");
                }
                return null;
            });
        }
        return probe;
    }

    @Override
    public void close() {
        probes.shutdownNow();
    }
}
