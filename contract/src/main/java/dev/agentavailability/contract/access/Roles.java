package dev.agentavailability.contract.access;

/**
 * The roles of the REST APIs, as tokens and lab users carry them. Which endpoint takes which role is on the
 * endpoints themselves ({@code @RolesAllowed}); README's role table says it in words.
 */
public final class Roles {

    /** An agent desktop: acts only for its own ICM agent id (a token claim or a lab user's mapping gives it). */
    public static final String AGENT = "agent";
    /** An ECE listener in bridge mode (or the simulator): acts for every agent, sends ARM messages. */
    public static final String ECE_LISTENER = "ece-listener";
    /** Reads everything: agent status, projection, anomalies, explain, replay, the queue. Changes nothing. */
    public static final String SUPERVISOR = "supervisor";
    /** Everything, configuration and entry points included. */
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
