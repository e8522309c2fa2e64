package dev.agentavailability.entrypoint.initialize;

/** {@code checkEligibility.responseType} of the ECE chat API. */
public enum ResponseType {
    /** An agent can take the chat (or the queue still has room). */
    AVAILABLE(0),
    /** No agent is available (or the entry point is inactive). */
    NO_AGENT_AVAILABLE(1),
    /** The maximum queue depth is reached. Not decided yet in this version. */
    QUEUE_FULL(2);

    private final int code;

    ResponseType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
