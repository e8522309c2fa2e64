package dev.agentavailability.contract.entrypoint;

/** {@code checkEligibility.responseType} of the ECE chat API. */
public enum ResponseType {
    /** An agent can take the chat, or agents are busy and the queue still has room. */
    AVAILABLE(0),
    /** No agent is logged in in scope, the entry point is inactive, or it is off hours. */
    NO_AGENT_AVAILABLE(1),
    /** The maximum queue depth is reached. */
    QUEUE_FULL(2);

    private final int code;

    ResponseType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
