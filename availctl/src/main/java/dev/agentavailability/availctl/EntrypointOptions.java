package dev.agentavailability.availctl;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code --entrypoint URL}, for every subcommand that asks entrypoint-service. */
public final class EntrypointOptions {

    /** Where the lab runs entrypoint-service. */
    public static final String DEFAULT_URL = "http://localhost:8083";

    /** The environment variable that overrides {@link #DEFAULT_URL}. */
    public static final String ENVIRONMENT = "AVAILCTL_ENTRYPOINT";

    @Option(names = "--entrypoint", paramLabel = "URL",
            defaultValue = "${env:" + ENVIRONMENT + ":-" + DEFAULT_URL + "}",
            description = "entrypoint-service base URL (default: ${DEFAULT-VALUE}; set " + ENVIRONMENT
                    + " to change it).")
    String entrypoint;

    @Mixin
    LoginOptions login;

    /** A client for the URL given, else the environment's, else the default. */
    public ServiceClient client() throws CliFailure {
        String url = entrypoint == null || entrypoint.isBlank() ? DEFAULT_URL : entrypoint.strip();
        return new ServiceClient("entrypoint-service", "--entrypoint", DEFAULT_URL, url).as(login.credentials(System.getenv()));
    }
}
