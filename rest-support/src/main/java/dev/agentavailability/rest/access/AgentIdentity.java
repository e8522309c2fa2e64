package dev.agentavailability.rest.access;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The ICM agent id a principal stands for: a token claim, or the lab's user-to-agent mapping. */
@ApplicationScoped
public class AgentIdentity {

    private final AccessSettings settings;

    public AgentIdentity(AccessSettings settings) {
        this.settings = settings;
    }

    public Optional<Integer> icmAgentId(SecurityIdentity identity) {
        if (identity.isAnonymous()) {
            return Optional.empty();
        }
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            Object claim = token.getClaim(settings.agentIdClaim());
            return claim == null ? Optional.empty() : parse(claim.toString());
        }
        return Optional.ofNullable(settings.agentIds().get(identity.getPrincipal().getName()));
    }

    private static Optional<Integer> parse(String value) {
        try {
            // A JSON number claim arrives as a JsonNumber whose text is the number.
            return Optional.of(Integer.parseInt(value.strip().replaceAll("^\"|\"$", "")));
        } catch (NumberFormatException notAnId) {
            return Optional.empty();
        }
    }
}
