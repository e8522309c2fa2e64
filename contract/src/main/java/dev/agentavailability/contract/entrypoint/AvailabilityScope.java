package dev.agentavailability.contract.entrypoint;

/** Which agents count for an entry point's availability. */
public enum AvailabilityScope {
    /** ECE 12.0 (default): only the agents of the entry point's own skill groups. */
    SKILL_GROUP,
    /** ECE 11.6: every agent of the entry point's MRD, whatever its skill group (the 11.6 defect). */
    MRD
}
