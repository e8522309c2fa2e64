package dev.agentavailability.contract.arm;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * The fields an ARM message carries beyond invoke id, MRD and agent. Each message uses a few of them
 * ({@link ArmMessage#requiredFields()}); the others stay null and are left out of the JSON. {@link ArmField} names
 * each component in this order.
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

    public static final ArmFields NONE = of(new Object[ArmField.values().length]);

    /** The fields with these values by {@link ArmField} ordinal (null: absent); the one place that lists them. */
    static ArmFields of(Object[] v) {
        return new ArmFields((Integer) v[0], (Boolean) v[1], (Long) v[2], (String) v[3], (Long) v[4], (Boolean) v[5],
                (Integer) v[6], (TaskId) v[7], (Integer) v[8], (Long) v[9], (Integer) v[10], (Integer) v[11],
                (Boolean) v[12]);
    }

    /** The fields with these values (the others absent). */
    public static ArmFields of(Map<ArmField, ?> values) {
        Object[] v = new Object[ArmField.values().length];
        values.forEach((field, value) -> v[field.ordinal()] = checked(field, value));
        return of(v);
    }

    /** A field's value (null when absent), by its place among the components. */
    public Object value(ArmField field) {
        return switch (field) {
            case AGENT_MODE -> agentMode;
            case IS_AVAILABLE -> isAvailable;
            case MAX_TASK_LIMIT -> maxTaskLimit;
            case AGENT_INFO -> agentInfo;
            case MAX_TASKS -> maxTasks;
            case MAKE_ROUTABLE -> makeRoutable;
            case REASON_CODE -> reasonCode;
            case TASK_ID -> taskId;
            case DISPOSITION -> disposition;
            case STATUS -> status;
            case INTERRUPTING_MRD_ID -> interruptingMrdId;
            case APPLICATION_PATH_ID -> applicationPathId;
            case DOMAIN_AVAILABLE -> domainAvailable;
        };
    }

    /** These fields with one more set (or cleared with null). */
    public ArmFields with(ArmField field, Object value) {
        Object[] v = new Object[ArmField.values().length];
        for (ArmField f : ArmField.values()) {
            v[f.ordinal()] = value(f);
        }
        v[field.ordinal()] = checked(field, value);
        return of(v);
    }

    private static Object checked(ArmField field, Object value) {
        if (value != null && !field.kind().javaType().isInstance(value)) {
            throw new IllegalArgumentException(field.jsonName() + " is a " + field.kind().javaType().getSimpleName()
                    + ", not " + value.getClass().getSimpleName() + " " + value);
        }
        return value;
    }

    public static ArmFields mediaLogin(int agentMode, boolean isAvailable, long maxTaskLimit, String agentInfo) {
        return NONE.with(ArmField.AGENT_MODE, agentMode).with(ArmField.IS_AVAILABLE, isAvailable)
                .with(ArmField.MAX_TASK_LIMIT, maxTaskLimit).with(ArmField.AGENT_INFO, agentInfo);
    }

    public static ArmFields maxTasks(long maxTasks) {
        return NONE.with(ArmField.MAX_TASKS, maxTasks);
    }

    public static ArmFields makeRoutable(boolean makeRoutable) {
        return NONE.with(ArmField.MAKE_ROUTABLE, makeRoutable);
    }

    public static ArmFields reasonCode(int reasonCode) {
        return NONE.with(ArmField.REASON_CODE, reasonCode);
    }

    public static ArmFields task(TaskId taskId) {
        return NONE.with(ArmField.TASK_ID, taskId);
    }

    public static ArmFields taskEnd(TaskId taskId, Integer disposition) {
        return task(taskId).with(ArmField.DISPOSITION, disposition);
    }

    public static ArmFields maxTaskLimit(long maxTaskLimit) {
        return NONE.with(ArmField.MAX_TASK_LIMIT, maxTaskLimit);
    }

    public static ArmFields interrupt(Integer interruptingMrdId) {
        return NONE.with(ArmField.INTERRUPTING_MRD_ID, interruptingMrdId);
    }

    public static ArmFields domainStatus(int applicationPathId, boolean domainAvailable) {
        return NONE.with(ArmField.APPLICATION_PATH_ID, applicationPathId).with(ArmField.DOMAIN_AVAILABLE,
                domainAvailable);
    }

    public static ArmFields disposition(Integer disposition) {
        return NONE.with(ArmField.DISPOSITION, disposition);
    }
}
