package dev.agentavailability.availctl;

import dev.agentavailability.contract.access.Credentials;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * {@code --user NAME}, for every subcommand that asks a service. Secrets come only from the environment, so they
 * stay out of shell history: {@value #PREFIX}_PASSWORD for the user, or {@value #PREFIX}_TOKEN (a bearer token).
 */
public final class LoginOptions {

    static final String PREFIX = "AVAILCTL";

    @Option(names = "--user", paramLabel = "NAME",
            description = "log in as NAME (HTTP Basic; password from " + PREFIX + "_PASSWORD). Default: "
                    + PREFIX + "_USER, else the bearer token in " + PREFIX + "_TOKEN, else anonymous.")
    String user;

    /** The credentials the option and the environment give, if any. */
    Optional<Credentials> credentials(Map<String, String> environment) throws CliFailure {
        try {
            return Credentials.fromEnvironment(PREFIX, user, environment);
        } catch (IllegalArgumentException missing) {
            throw CliFailure.badInput(missing.getMessage());
        }
    }
}
