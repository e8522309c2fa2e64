package dev.agentavailability.rest.access;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.Config;

/**
 * Refuses to start a tokens-only (production) service that could not check a token, rather than answering 401 to
 * everyone. (Built-in users cannot log in there: tokens-only admits the bearer mechanism alone.)
 */
@Singleton
public class TokenSettingsCheck {

    static final String ISSUER = "mp.jwt.verify.issuer";
    static final List<String> KEYS = List.of("mp.jwt.verify.publickey", "mp.jwt.verify.publickey.location");

    void onStart(@Observes StartupEvent start, AccessSettings settings, Config config) {
        List<String> faults = faults(settings.tokensOnly(), config);
        if (!faults.isEmpty()) {
            throw new IllegalStateException("availability.security.tokens-only is true (production), but "
                    + String.join("; ", faults) + ". Set them (see docs/deployment.md, Security), or set "
                    + "AVAILABILITY_SECURITY_TOKENS_ONLY=false for a lab.");
        }
    }

    static List<String> faults(boolean tokensOnly, Config config) {
        List<String> faults = new ArrayList<>();
        if (!tokensOnly) {
            return faults;
        }
        if (config.getOptionalValue(ISSUER, String.class).filter(v -> !v.isBlank()).isEmpty()) {
            faults.add(ISSUER + " (MP_JWT_VERIFY_ISSUER) is not set");
        }
        if (KEYS.stream().allMatch(key -> config.getOptionalValue(key, String.class).filter(v -> !v.isBlank())
                .isEmpty())) {
            faults.add("neither " + String.join(" nor ", KEYS) + " (MP_JWT_VERIFY_PUBLICKEY_LOCATION) is set");
        }
        return faults;
    }
}
