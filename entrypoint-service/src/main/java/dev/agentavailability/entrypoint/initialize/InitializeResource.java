package dev.agentavailability.entrypoint.initialize;

import dev.agentavailability.entrypoint.PathIds;
import dev.agentavailability.entrypoint.management.EntryPointCache;
import dev.agentavailability.entrypoint.management.EntryPointView;
import dev.agentavailability.entrypoint.ratelimit.RateLimited;
import dev.agentavailability.entrypoint.startup.AnswersFromViews;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The public ECE chat entry point API. Answers from memory only: it never touches the database or Kafka. CORS
 * headers are added by {@link dev.agentavailability.entrypoint.cors.EntryPointCors}.
 */
@PermitAll
@RateLimited
@AnswersFromViews
@Path("/system/egain/chat/entrypoint")
public class InitializeResource {

    private final EntryPointCache entryPoints;
    private final EntryPointAnswers answers;
    private final MeterRegistry meters;

    InitializeResource(EntryPointCache entryPoints, EntryPointAnswers answers, MeterRegistry meters) {
        this.meters = meters;
        this.entryPoints = entryPoints;
        this.answers = answers;
    }

    @GET
    @Path("/initialize/{entryPointId}")
    @Produces(MediaType.APPLICATION_JSON)
    @NonBlocking
    public InitializeResponse initialize(@PathParam("entryPointId") String entryPointId) {
        long id = PathIds.entryPointId(entryPointId);
        EntryPointView entryPoint = entryPoints.find(id).orElseThrow(() -> PathIds.notFound(id));
        InitializeResponse response = answers.evaluate(entryPoint).response();
        Counter.builder("availability.initialize.answers").description("initialize answers, by responseType")
                .tag("responseType", String.valueOf(response.checkEligibility().responseType()))
                .register(meters).increment();
        return response;
    }

    /** CORS preflight: 204; the allow headers are present only for an origin of the entry point's list. */
    @OPTIONS
    @Path("/initialize/{entryPointId}")
    @NonBlocking
    public Response preflight(@PathParam("entryPointId") String entryPointId) {
        return Response.noContent().build();
    }
}
