package dev.agentavailability.availctl;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code --router URL}, for every subcommand that asks router-service. */
public final class RouterOptions {

    /** Where the lab runs router-service. */
    public static final String DEFAULT_URL = "http://localhost:8082";

    /** The environment variable that overrides {@link #DEFAULT_URL}. */
    public static final String ENVIRONMENT = "AVAILCTL_ROUTER";

    @Option(names = "--router", paramLabel = "URL", defaultValue = "${env:" + ENVIRONMENT + ":-" + DEFAULT_URL + "}",
            description = "router-service base URL (default: ${DEFAULT-VALUE}; set " + ENVIRONMENT
                    + " to change it).")
    String router;

    @Mixin
    LoginOptions login;

    /** The URL given, else the environment's, else the default (also when either is blank). */
    public String url() {
        return router == null || router.isBlank() ? DEFAULT_URL : router.strip();
    }

    /** A client for that URL. */
    public ServiceClient client() throws CliFailure {
        return new ServiceClient("router-service", "--router", DEFAULT_URL, url()).as(login.credentials(System.getenv()));
    }
}
