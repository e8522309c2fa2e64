package dev.agentavailability.listener.agent;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** The JSON bodies of the agent actions, named after the ARM fields they become. */
public final class Bodies {

    /** The largest UINT4, the wire type of task limits. */
    static final long UINT4_MAX = 4_294_967_295L;
    /** The largest USHORT, the wire type of reason codes and dispositions. */
    static final long USHORT_MAX = 65_535;

    private Bodies() {
    }

    /**
     * MEDIA_LOGIN_REQ. ECE signs in with agentMode 0 and isAvailable false, then goes routable and ready
     * by indications; those are the defaults.
     */
    public record Login(
            @NotNull @PositiveOrZero @Max(UINT4_MAX) Long maxTaskLimit,
            @Size(max = 255) String agentInfo,
            @Min(0) @Max(1) Integer agentMode,
            @JsonProperty("isAvailable") Boolean isAvailable) {
    }

    /** MEDIA_LOGOUT_IND. */
    public record Logout(@PositiveOrZero @Max(USHORT_MAX) Integer disposition) {
    }

    /** MAKE_AGENT_ROUTABLE_IND: the client re-states the task limit each time it makes the agent routable. */
    public record Routable(@NotNull @PositiveOrZero @Max(UINT4_MAX) Long maxTasks) {
    }

    /** MAKE_AGENT_READY_IND; ECE sends MakeRoutable = 1, the default. */
    public record Ready(Boolean makeRoutable) {
    }

    /** MAKE_AGENT_NOT_READY_REQ. */
    public record NotReady(@PositiveOrZero @Max(USHORT_MAX) Integer reasonCode) {
    }

    /** CHANGE_MAX_TASK_LIMIT_REQ. */
    public record TaskLimit(@NotNull @PositiveOrZero @Max(UINT4_MAX) Long maxTaskLimit) {
    }

    /** END_TASK_IND, with the TCD disposition (38 = normal end). */
    public record EndTask(@PositiveOrZero @Max(USHORT_MAX) Integer disposition) {
    }
}
