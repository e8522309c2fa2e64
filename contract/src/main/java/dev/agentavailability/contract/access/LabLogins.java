package dev.agentavailability.contract.access;

import java.util.List;

/**
 * The built-in users of a lab and of the tests: one per role and a second agent. Names, roles and agent ids only;
 * passwords are made where the users are (bin/lab at each start, test-support for tests).
 */
public enum LabLogins {

    ADMIN("admin", Roles.ADMIN, null),
    SUPERVISOR("supervisor", Roles.SUPERVISOR, null),
    LISTENER("listener", Roles.ECE_LISTENER, null),
    AGENT_6420("agent6420", Roles.AGENT, 6420),
    AGENT_5033("agent5033", Roles.AGENT, 5033);

    private final String user;
    private final String role;
    private final Integer icmAgentId;

    LabLogins(String user, String role, Integer icmAgentId) {
        this.user = user;
        this.role = role;
        this.icmAgentId = icmAgentId;
    }

    public String user() {
        return user;
    }

    public String role() {
        return role;
    }

    /** The ICM agent id an agent user acts for; null for the other roles. */
    public Integer icmAgentId() {
        return icmAgentId;
    }

    /**
     * The configuration that gives a service this user with {@code password}: the embedded realm's user and role,
     * and an agent user's ICM agent id.
     */
    public List<String> properties(String password) {
        List<String> lines = new java.util.ArrayList<>(List.of(
                "quarkus.security.users.embedded.users." + user + "=" + password,
                "quarkus.security.users.embedded.roles." + user + "=" + role));
        if (icmAgentId != null) {
            lines.add("availability.security.agent-ids." + user + "=" + icmAgentId);
        }
        return lines;
    }
}
