package dev.agentavailability.projection;

/** ICM's AgentAvailabilityStatus (AGENT_STATE_EVENT, protocol 25). */
public enum AgentAvailabilityStatus {
    NOT_AVAILABLE(0),
    ICM_AVAILABLE(1),
    APPLICATION_AVAILABLE(2);

    private final int code;

    AgentAvailabilityStatus(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
