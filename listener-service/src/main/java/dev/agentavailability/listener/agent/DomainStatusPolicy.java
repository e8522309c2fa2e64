package dev.agentavailability.listener.agent;

import dev.agentavailability.contract.arm.ArmStatus;
import dev.agentavailability.contract.config.ApplicationPathConfig;
import dev.agentavailability.projection.ConfigView;
import dev.agentavailability.projection.Refusal;
import java.util.Optional;

/**
 * An application path reports the domain status only of the MRDs on it (rttest flag D): the path must be
 * configured and list the MRD, or the report is refused as a login over that path would be
 * (E_ARM_STAT_LOGIN_NOT_ALLOWED_FOR_APP_PATH).
 */
final class DomainStatusPolicy {

    private DomainStatusPolicy() {
    }

    static Optional<Refusal> check(ConfigView config, int applicationPathId, int mrdId) {
        Optional<ApplicationPathConfig> path = config.applicationPath(applicationPathId);
        if (path.isEmpty()) {
            return refuse("application path " + applicationPathId + " is not configured, so no MRD is on it");
        }
        if (!path.get().mrdIds().contains(mrdId)) {
            return refuse("MRD " + mrdId + " is not on application path " + applicationPathId + " ("
                    + path.get().name() + ", MRDs " + path.get().mrdIds() + ")");
        }
        return Optional.empty();
    }

    private static Optional<Refusal> refuse(String reason) {
        return Optional.of(new Refusal(ArmStatus.E_ARM_STAT_LOGIN_NOT_ALLOWED_FOR_APP_PATH,
                "APP_PATH_DOMAIN_STATUS_EVENT: " + reason));
    }
}
