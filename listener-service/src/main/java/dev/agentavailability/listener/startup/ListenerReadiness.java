package dev.agentavailability.listener.startup;

import dev.agentavailability.listener.ListenerStatus;
import dev.agentavailability.listener.agent.AgentStates;
import dev.agentavailability.listener.config.ReferenceData;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Up once agent states are rebuilt and the reference data is read to where the config topic ended at start-up. */
@Readiness
@Singleton
public class ListenerReadiness implements HealthCheck {

    private final ListenerStatus status;
    private final AgentStates states;
    private final ReferenceData referenceData;

    public ListenerReadiness(ListenerStatus status, AgentStates states, ReferenceData referenceData) {
        this.status = status;
        this.states = states;
        this.referenceData = referenceData;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("listener")
                .status(status.isReady())
                .withData("agentStatesRebuilt", status.isAgentsRebuilt())
                .withData("agents", states.size())
                .withData("configNextOffset", referenceData.nextOffset())
                .withData("configEndOffsetAtStart", status.configEndOffsetAtStart())
                .withData("notReadyBecause", status.notReadyBecause().orElse("ready"))
                .build();
    }
}
