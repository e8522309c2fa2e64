package dev.agentavailability.contract.arm;

/**
 * Why an ARM request is refused. Codes below 1000 are Cisco's E_ARM_STAT values as Finesse surfaces
 * them; codes from 1000 are ours, for refusals that Cisco publishes no code for.
 */
public enum ArmStatus {
    E_ARM_STAT_AGENT_ALREADY_LOGGED_IN(1, "the agent is already signed into this MRD"),
    E_ARM_STAT_AGENT_NOT_FOUND(2, "the agent is not configured"),
    E_ARM_STAT_MRD_LIST_ENTRY_NOT_FOUND(3, "the MRD is not configured"),
    E_ARM_STAT_AGENT_NOT_LOGGED_IN(6, "the agent is not signed into this MRD"),
    E_ARM_STAT_LOGIN_NOT_ALLOWED_FOR_APP_PATH(27, "the MRD is not on the session's application path"),
    TASK_LIMIT_REACHED(1001, "the agent's active tasks have reached its concurrent task limit"),
    UNKNOWN_TASK(1002, "the agent has no such task in this MRD"),
    DUPLICATE_TASK(1003, "the agent already has this task in this MRD"),
    INVALID_TASK_LIMIT(1004, "a task limit must be zero or more"),
    NO_SKILL_GROUP_IN_MRD(1005, "the agent has no skill group in this MRD"),
    TASK_STATE_CONFLICT(1006, "the task is not in a state that allows this message"),
    NOT_INTERRUPTED(1007, "the agent is not interrupted in this MRD"),
    DUPLICATE_EVENT(1008, "an event with this id was applied to the agent already");

    private final int code;
    private final String meaning;

    ArmStatus(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }

    public String meaning() {
        return meaning;
    }

    /** Whether Cisco publishes this code; ours are documented as ours. */
    public boolean isCisco() {
        return code < 1000;
    }
}
