package dev.agentavailability.contract.access;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * What a command-line client (availctl, the simulator, the lab) sends in {@code Authorization}: a bearer token or
 * a user and password for HTTP Basic. Passwords and tokens come from environment variables (or the code that
 * started the services), never from command-line arguments, so they stay out of shell history and {@code ps}.
 */
public record Credentials(String authorization, String describe) {

    /** A lab user. */
    public static Credentials basic(String user, String password) {
        if (user == null || user.isBlank() || user.contains(":")) {
            throw new IllegalArgumentException("a user name must be given and cannot contain ':', was '" + user + "'");
        }
        String pair = user + ":" + (password == null ? "" : password);
        return new Credentials("Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)),
                "user " + user);
    }

    /** An OIDC/JWT access token. */
    public static Credentials bearer(String token) {
        return new Credentials("Bearer " + token.strip(), "a bearer token");
    }

    /**
     * From the environment of a client whose variables start with {@code prefix}: {@code <prefix>_TOKEN}, else
     * {@code <prefix>_USER} with {@code <prefix>_PASSWORD}; a user given as an option wins over {@code _USER}.
     * Empty when neither is set (the call goes out anonymous and a protected endpoint answers 401).
     */
    public static Optional<Credentials> fromEnvironment(String prefix, String userOption, Map<String, String> env) {
        String token = env.get(prefix + "_TOKEN");
        if (token != null && !token.isBlank() && (userOption == null || userOption.isBlank())) {
            return Optional.of(bearer(token));
        }
        String user = userOption != null && !userOption.isBlank() ? userOption : env.get(prefix + "_USER");
        if (user == null || user.isBlank()) {
            return Optional.empty();
        }
        String password = env.get(prefix + "_PASSWORD");
        if (password == null) {
            throw new IllegalArgumentException("user " + user + " is given but " + prefix
                    + "_PASSWORD is not set");
        }
        return Optional.of(basic(user.strip(), password));
    }

    @Override
    public String toString() {
        return describe;
    }
}
