package dev.agentavailability.contract.arm;

import java.util.HashMap;
import java.util.Map;

/**
 * The message-specific fields of an ARM event, named as CTI server traces name them: the one description of them.
 * Declared in the order of {@link ArmFields}' components (checked when the class loads), so a field's ordinal is
 * its place there; the JSON readers and writers, the wire mapping and the required-field checks all go by it.
 */
public enum ArmField {
    AGENT_MODE("agentMode", Kind.INT),
    IS_AVAILABLE("isAvailable", Kind.BOOL),
    MAX_TASK_LIMIT("maxTaskLimit", Kind.LONG),
    AGENT_INFO("agentInfo", Kind.STRING),
    MAX_TASKS("maxTasks", Kind.LONG),
    MAKE_ROUTABLE("makeRoutable", Kind.BOOL),
    REASON_CODE("reasonCode", Kind.INT),
    TASK_ID("taskId", Kind.TASK_ID),
    DISPOSITION("disposition", Kind.INT),
    STATUS("status", Kind.LONG),
    INTERRUPTING_MRD_ID("interruptingMrdId", Kind.INT),
    APPLICATION_PATH_ID("applicationPathId", Kind.INT),
    DOMAIN_AVAILABLE("domainAvailable", Kind.BOOL);

    /** The Java type a field's value has: Integer, Long, Boolean, String or {@link TaskId}. */
    public enum Kind {
        INT(Integer.class), LONG(Long.class), BOOL(Boolean.class), STRING(String.class), TASK_ID(TaskId.class);

        private final Class<?> javaType;

        Kind(Class<?> javaType) {
            this.javaType = javaType;
        }

        public Class<?> javaType() {
            return javaType;
        }
    }

    private static final Map<String, ArmField> BY_JSON_NAME = new HashMap<>();

    static {
        var components = ArmFields.class.getRecordComponents();
        for (ArmField field : values()) {
            BY_JSON_NAME.put(field.jsonName, field);
            if (!components[field.ordinal()].getName().equals(field.jsonName)
                    || components[field.ordinal()].getType() != field.kind.javaType) {
                throw new ExceptionInInitializerError("ArmField." + field + " is not ArmFields' component "
                        + field.ordinal() + " (" + components[field.ordinal()] + ")");
            }
        }
        if (components.length != values().length) {
            throw new ExceptionInInitializerError("ArmFields has " + components.length + " components, ArmField "
                    + values().length);
        }
    }

    private final String jsonName;
    private final Kind kind;

    ArmField(String jsonName, Kind kind) {
        this.jsonName = jsonName;
        this.kind = kind;
    }

    public String jsonName() {
        return jsonName;
    }

    public Kind kind() {
        return kind;
    }

    /** The field of this JSON (and wire) name, or null. */
    public static ArmField byJsonName(String name) {
        return BY_JSON_NAME.get(name);
    }

    /** This field's value in {@code fields}, or null when it is absent. */
    public Object valueIn(ArmFields fields) {
        return fields == null ? null : fields.value(this);
    }

    public boolean isPresentIn(ArmFields fields) {
        return valueIn(fields) != null;
    }
}
