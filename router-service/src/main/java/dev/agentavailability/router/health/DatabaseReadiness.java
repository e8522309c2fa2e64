package dev.agentavailability.router.health;

import dev.agentavailability.rest.database.DatabaseProbe;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready while PostgreSQL does not answer within a second: the router cannot store what it applies. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    static final Duration BUDGET = Duration.ofSeconds(1);

    private final DatabaseProbe probe;

    DatabaseReadiness(DataSource database) {
        this.probe = new DatabaseProbe(database, BUDGET);
    }

    @Override
    public HealthCheckResponse call() {
        return probe.fault()
                .map(why -> HealthCheckResponse.named("database").down().withData("notReadyBecause", why).build())
                .orElseGet(() -> HealthCheckResponse.named("database").up().build());
    }

    @PreDestroy
    void stop() {
        probe.close();
    }
}
