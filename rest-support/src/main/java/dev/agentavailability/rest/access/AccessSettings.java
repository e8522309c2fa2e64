package dev.agentavailability.rest.access;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Map;

/** Who may call the REST APIs: see {@code META-INF/microprofile-config.properties} of this module. */
@ConfigMapping(prefix = "availability.security")
public interface AccessSettings {

    /**
     * Production: only OIDC/JWT bearer tokens authenticate, and the service refuses to start without an issuer and
     * a verification key. False in dev, test and the lab, where the built-in users log in with HTTP Basic.
     */
    boolean tokensOnly();

    /** The token claim that carries an {@code agent} principal's ICM agent id. */
    @WithDefault("icm_agent_id")
    String agentIdClaim();

    /**
     * The HTTP policy of {@code /q/metrics}: {@code readers} (supervisor or admin), or {@code permit} where the
     * deployment opens them (read by {@code quarkus.http.auth.permission.metrics.policy}).
     */
    String metricsPolicy();

    /** Lab and test users with the {@code agent} role: user name to ICM agent id. */
    Map<String, Integer> agentIds();
}
