package dev.agentavailability.contract.arm;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The fields an ARM message carries beyond invoke id, MRD and agent. Each message uses a few of them
 * ({@link ArmMessage#requiredFields()}); the others stay null and are left out of the JSON.
 *
 * @param agentMode    MEDIA_LOGIN_REQ AgentMode (1 = routable, 0 = not routable, as protocol 25 reads it)
 * @param isAvailable  MEDIA_LOGIN_REQ IsAvailable: the agent signs in ready
 * @param maxTaskLimit MEDIA_LOGIN_REQ / CHANGE_MAX_TASK_LIMIT_REQ concurrent task limit in the MRD
 * @param agentInfo    MEDIA_LOGIN_REQ application's own agent id (ECE sends its user id)
 * @param maxTasks     MAKE_AGENT_ROUTABLE_IND MaxTasks, re-stating the limit
 * @param makeRoutable MAKE_AGENT_READY_IND MakeRoutable
 * @param reasonCode   MAKE_AGENT_NOT_READY_REQ reason code
 * @param taskId       task messages: the CCE task id
 * @param disposition  MEDIA_LOGOUT_IND / END_TASK_IND disposition (TCD CallDisposition)
 * @param status       *_RESP ARM status code, 0 = success
 * @param interruptingMrdId AGENT_INTERRUPT_ADVISORY_EVENT: the non-interruptible MRD whose task interrupts
 * @param applicationPathId APP_PATH_DOMAIN_STATUS_EVENT: the application path reporting
 * @param domainAvailable   APP_PATH_DOMAIN_STATUS_EVENT: whether the MRD's domain is available on it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ArmFields(
        Integer agentMode,
        Boolean isAvailable,
        Long maxTaskLimit,
        String agentInfo,
        Long maxTasks,
        Boolean makeRoutable,
        Integer reasonCode,
        TaskId taskId,
        Integer disposition,
        Long status,
        Integer interruptingMrdId,
        Integer applicationPathId,
        Boolean domainAvailable) {

    public static final ArmFields NONE = new ArmFields(null,
            null, null, null, null, null, null, null, null, null, null, null, null);

    public static ArmFields mediaLogin(int agentMode, boolean isAvailable, long maxTaskLimit, String agentInfo) {
        return new ArmFields(agentMode, isAvailable, maxTaskLimit, agentInfo, null, null, null,
                null, null, null, null, null, null);
    }

    public static ArmFields maxTasks(long maxTasks) {
        return new ArmFields(null, null, null, null, maxTasks, null, null, null, null, null, null, null, null);
    }

    public static ArmFields makeRoutable(boolean makeRoutable) {
        return new ArmFields(null, null, null, null, null, makeRoutable, null, null, null, null, null, null, null);
    }

    public static ArmFields reasonCode(int reasonCode) {
        return new ArmFields(null, null, null, null, null, null, reasonCode, null, null, null, null, null, null);
    }

    public static ArmFields task(TaskId taskId) {
        return new ArmFields(null, null, null, null, null, null, null, taskId, null, null, null, null, null);
    }

    public static ArmFields taskEnd(TaskId taskId, Integer disposition) {
        return new ArmFields(null, null, null, null, null, null, null, taskId, disposition, null, null, null, null);
    }

    public static ArmFields maxTaskLimit(long maxTaskLimit) {
        return new ArmFields(null, null, maxTaskLimit, null, null, null, null, null, null, null, null, null, null);
    }

    public static ArmFields interrupt(Integer interruptingMrdId) {
        return new ArmFields(null, null, null, null, null, null, null, null, null, null, interruptingMrdId, null, null);
    }

    public static ArmFields domainStatus(int applicationPathId, boolean domainAvailable) {
        return new ArmFields(null, null, null, null, null, null, null, null, null, null, null, applicationPathId,
                domainAvailable);
    }

    public static ArmFields disposition(Integer disposition) {
        return new ArmFields(null, null, null, null, null, null, null, null, disposition, null, null, null, null);
    }
}
