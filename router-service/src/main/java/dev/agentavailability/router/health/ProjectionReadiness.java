package dev.agentavailability.router.health;

import dev.agentavailability.router.metrics.ProjectionLag;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready means "answers correctly": the instance owns agent-event partitions and has applied each up to where it
 * stood when the instance took it. Before that its availability would be a half-read view. Under load the live
 * lag is never 0, so only the catch-up after taking a partition counts, not the lag since.
 */
@Readiness
@ApplicationScoped
public class ProjectionReadiness implements HealthCheck {

    private final ProjectionLag lag;

    ProjectionReadiness(ProjectionLag lag) {
        this.lag = lag;
    }

    @Override
    public HealthCheckResponse call() {
        Map<Integer, Long> left = lag.catchUp();
        boolean owns = !left.isEmpty();
        boolean caughtUp = owns && left.values().stream().allMatch(records -> records == 0);
        HealthCheckResponseBuilder builder = HealthCheckResponse.named("projection").status(caughtUp)
                .withData("ownedPartitions", left.keySet().toString());
        if (!owns) {
            builder.withData("notReadyBecause", "this instance owns no agent-event partition yet (joining the group)");
        }
        left.forEach((partition, records) -> builder.withData("partition " + partition, records < 0
                ? "end offset not known yet" : records == 0 ? "caught up" : records + " records to catch up"));
        return builder.build();
    }
}
