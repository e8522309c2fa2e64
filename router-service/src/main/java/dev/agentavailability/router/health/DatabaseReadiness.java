package dev.agentavailability.router.health;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Whether PostgreSQL answers, within one second. Quarkus' own datasource check waits as long as the database
 * does, so a frozen server (a hung disk, a paused VM) made readiness hang instead of saying DOWN. The probe runs
 * on a thread of its own; while one is stuck, no other starts and the answer is DOWN at once.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    static final Duration BUDGET = Duration.ofSeconds(1);

    private final DataSource database;
    private final ExecutorService probes = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "database-probe");
        thread.setDaemon(true);
        return thread;
    });
    private Future<?> probe;

    DatabaseReadiness(DataSource database) {
        this.database = database;
    }

    @Override
    public HealthCheckResponse call() {
        Future<?> current = currentProbe();
        try {
            current.get(BUDGET.toMillis(), TimeUnit.MILLISECONDS);
            return HealthCheckResponse.named("database").up().build();
        } catch (TimeoutException slow) {
            return down("PostgreSQL did not answer within " + BUDGET.toMillis() + " ms");
        } catch (ExecutionException failed) {
            return down("PostgreSQL: " + failed.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return down("interrupted");
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

    private static HealthCheckResponse down(String why) {
        return HealthCheckResponse.named("database").down().withData("notReadyBecause", why).build();
    }

    @PreDestroy
    void stop() {
        probes.shutdownNow();
    }
}
