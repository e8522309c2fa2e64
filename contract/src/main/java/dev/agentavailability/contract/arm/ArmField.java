package dev.agentavailability.contract.arm;

import java.util.function.Function;

/** The message-specific fields of an ARM event, named as CTI server traces name them. */
public enum ArmField {
    AGENT_MODE("agentMode", ArmFields::agentMode),
    IS_AVAILABLE("isAvailable", ArmFields::isAvailable),
    MAX_TASK_LIMIT("maxTaskLimit", ArmFields::maxTaskLimit),
    AGENT_INFO("agentInfo", ArmFields::agentInfo),
    MAX_TASKS("maxTasks", ArmFields::maxTasks),
    MAKE_ROUTABLE("makeRoutable", ArmFields::makeRoutable),
    REASON_CODE("reasonCode", ArmFields::reasonCode),
    TASK_ID("taskId", ArmFields::taskId),
    DISPOSITION("disposition", ArmFields::disposition),
    STATUS("status", ArmFields::status),
    INTERRUPTING_MRD_ID("interruptingMrdId", ArmFields::interruptingMrdId),
    APPLICATION_PATH_ID("applicationPathId", ArmFields::applicationPathId),
    DOMAIN_AVAILABLE("domainAvailable", ArmFields::domainAvailable);

    private final String jsonName;
    private final Function<ArmFields, Object> accessor;

    ArmField(String jsonName, Function<ArmFields, Object> accessor) {
        this.jsonName = jsonName;
        this.accessor = accessor;
    }

    public String jsonName() {
        return jsonName;
    }

    public boolean isPresentIn(ArmFields fields) {
        return fields != null && accessor.apply(fields) != null;
    }
}
