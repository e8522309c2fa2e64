package dev.agentavailability.entrypoint.benchmark;

import dev.agentavailability.contract.entrypoint.ResponseType;
import dev.agentavailability.entrypoint.initialize.InitializeResponse;
import dev.agentavailability.entrypoint.management.ChatSettings;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The ceiling that {@code bin/benchmark suite} measures initialize against: a public JSON endpoint of this same
 * application (same HTTP stack, security and JSON writer) returning a constant answer of initialize's shape, so
 * that the ratio is what deciding the answer costs. Off (404) unless {@code availability.benchmark.ceiling-endpoint}.
 */
@PermitAll
@Path("/benchmark/ceiling")
public class CeilingResource {

    private static final InitializeResponse CONSTANT = InitializeResponse.of(1001, ResponseType.AVAILABLE,
            ChatSettings.DEFAULTS);

    private final boolean enabled;

    CeilingResource(@ConfigProperty(name = "availability.benchmark.ceiling-endpoint", defaultValue = "false")
            boolean enabled) {
        this.enabled = enabled;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @NonBlocking
    public InitializeResponse ceiling() {
        if (!enabled) {
            throw new NotFoundException();
        }
        return CONSTANT;
    }
}
