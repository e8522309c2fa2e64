package dev.agentavailability.projection;

/** One clause of the availability rule that an agent fails in an MRD. */
public enum Unavailability {
    /** Not signed into the MRD. */
    NOT_LOGGED_IN,
    /** Signed in but Not Ready. */
    NOT_READY,
    /** ICM may not route to the agent; only the application may give it tasks. */
    NOT_ROUTABLE,
    /** Active tasks have reached the concurrent task limit. */
    AT_TASK_LIMIT,
    /** The application path reports the MRD unavailable (rttest flag D). */
    DOMAIN_UNAVAILABLE,
    /** Reserved, active or wrapping up on a task of a non-interruptible MRD elsewhere. */
    BUSY_NON_INTERRUPTIBLE_ELSEWHERE,
    /** Interrupted here by a non-interruptible task of another MRD. */
    INTERRUPTED
}
