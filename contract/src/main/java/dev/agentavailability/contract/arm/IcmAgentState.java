package dev.agentavailability.contract.arm;

/**
 * ICM's AgentState values (CTI Server Message Reference Guide, protocol 25), with the short code the
 * router's {@code rttest agent_status} output uses. Only {@code na} is confirmed from a Cisco trace;
 * the others are our two-letter reading of the state names.
 */
public enum IcmAgentState {
    LOGIN(0, "li"),
    LOGOUT(1, "lo"),
    NOT_READY(2, "nr"),
    AVAILABLE(3, "av"),
    TALKING(4, "tk"),
    WORK_NOT_READY(5, "wn"),
    WORK_READY(6, "wr"),
    BUSY_OTHER(7, "bo"),
    RESERVED(8, "rs"),
    UNKNOWN(9, "un"),
    HOLD(10, "hd"),
    ACTIVE(11, "ac"),
    PAUSED(12, "pa"),
    INTERRUPTED(13, "in"),
    NOT_ACTIVE(14, "na");

    private final int code;
    private final String rttestCode;

    IcmAgentState(int code, String rttestCode) {
        this.code = code;
        this.rttestCode = rttestCode;
    }

    public int code() {
        return code;
    }

    public String rttestCode() {
        return rttestCode;
    }
}
