package dev.agentavailability.testsupport;

import dev.agentavailability.contract.access.Credentials;
import dev.agentavailability.contract.access.LabLogins;
import java.util.List;

/**
 * The users every service under test knows (HTTP Basic, embedded realm): the lab's logins with test-only
 * passwords (the name and a fixed suffix), supplied by {@link TestUsersConfigSource}.
 */
public enum TestUsers {

    ADMIN(LabLogins.ADMIN),
    SUPERVISOR(LabLogins.SUPERVISOR),
    LISTENER(LabLogins.LISTENER),
    AGENT_6420(LabLogins.AGENT_6420),
    AGENT_5033(LabLogins.AGENT_5033);

    private final LabLogins login;

    TestUsers(LabLogins login) {
        this.login = login;
    }

    public String user() {
        return login.user();
    }

    public String password() {
        return login.user() + "-test-password";
    }

    /** The {@code Authorization} header value of an HTTP Basic login as this user. */
    public String basicAuthorization() {
        return "Basic " + java.util.Base64.getEncoder()
                .encodeToString((user() + ":" + password()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public String role() {
        return login.role();
    }

    /** The ICM agent id an agent user stands for; null for the other roles. */
    public Integer icmAgentId() {
        return login.icmAgentId();
    }

    /** This user's lines of configuration. */
    public List<String> properties() {
        return login.properties(password());
    }

    public Credentials credentials() {
        return Credentials.basic(user(), password());
    }

    public static List<TestUsers> all() {
        return List.of(values());
    }
}
