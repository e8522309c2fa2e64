package dev.agentavailability.listener.agent;

import dev.agentavailability.contract.arm.ArmStatus;
import dev.agentavailability.contract.config.ApplicationPathConfig;
import dev.agentavailability.projection.ConfigView;
import dev.agentavailability.projection.Refusal;
import java.util.Optional;

/**
 * What the CTI server checks against its configuration before it signs an agent into an MRD, and which only
 * the listener asks (the router applies a login that got published): the MRD and the agent must be configured,
 * the MRD must be on this listener's application path, and the agent must have a skill group in the MRD.
 *
 * @param applicationPathId the application path this listener's session was opened with
 */
public record LoginPolicy(int applicationPathId) {

    /** The first refusal, in the order above, or empty if the agent may sign into the MRD. */
    public Optional<Refusal> check(ConfigView config, int icmAgentId, int mrdId) {
        if (config.mrd(mrdId).isEmpty()) {
            return refuse(ArmStatus.E_ARM_STAT_MRD_LIST_ENTRY_NOT_FOUND, "MRD " + mrdId + " is not configured");
        }
        if (config.agent(icmAgentId).isEmpty()) {
            return refuse(ArmStatus.E_ARM_STAT_AGENT_NOT_FOUND, "agent " + icmAgentId + " is not configured");
        }
        Optional<ApplicationPathConfig> path = config.applicationPath(applicationPathId);
        if (path.isEmpty()) {
            return refuse(ArmStatus.E_ARM_STAT_LOGIN_NOT_ALLOWED_FOR_APP_PATH,
                    "application path " + applicationPathId + " is not configured, so no MRD is on it");
        }
        if (!path.get().mrdIds().contains(mrdId)) {
            return refuse(ArmStatus.E_ARM_STAT_LOGIN_NOT_ALLOWED_FOR_APP_PATH,
                    "MRD " + mrdId + " is not on application path " + applicationPathId + " (" + path.get().name()
                            + ", MRDs " + path.get().mrdIds() + ")");
        }
        if (config.configuredSkillGroups(icmAgentId, mrdId).isEmpty()) {
            return refuse(ArmStatus.NO_SKILL_GROUP_IN_MRD,
                    "agent " + icmAgentId + " has no configured skill group in MRD " + mrdId);
        }
        return Optional.empty();
    }

    private static Optional<Refusal> refuse(ArmStatus status, String reason) {
        return Optional.of(new Refusal(status, "MEDIA_LOGIN_REQ: " + reason));
    }
}
