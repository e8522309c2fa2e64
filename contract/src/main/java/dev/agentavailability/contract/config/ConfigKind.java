package dev.agentavailability.contract.config;

/** The kinds of reference data, as ICM's configuration names them. */
public enum ConfigKind {
    MRD,
    SKILL_GROUP,
    AGENT,
    APPLICATION_PATH
}
