package dev.agentavailability.entrypoint.health;

import dev.agentavailability.rest.database.DatabaseProbe;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Says whether PostgreSQL answers, and stays UP either way: initialize and chat start answer from memory, so a
 * database outage must not take the instance out of service; only changes to entry points wait for it.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    private final DatabaseProbe probe;

    DatabaseReadiness(DataSource database) {
        this.probe = new DatabaseProbe(database, Duration.ofSeconds(1));
    }

    @Override
    public HealthCheckResponse call() {
        String database = probe.fault().map(why -> "unreachable (" + why
                + "): initialize answers from memory, entry point changes are refused until it is back")
                .orElse("reachable");
        return HealthCheckResponse.named("database").up().withData("database", database).build();
    }

    @PreDestroy
    void stop() {
        probe.close();
    }
}
