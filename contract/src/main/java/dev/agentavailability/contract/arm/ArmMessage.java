package dev.agentavailability.contract.arm;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The ARM messages of Cisco's CTI Server protocol that change agent or task state, with their
 * message type numbers (CTI Server Message Reference Guide, protocol 24/25) and the fields an event
 * of that message must carry. Names keep the protocol's suffixes (_REQ, _IND, _EVENT) so that an
 * engineer can match an event to a CTI server trace line.
 */
public enum ArmMessage {
    MEDIA_LOGIN_REQ(151, ArmField.MAX_TASK_LIMIT),
    MEDIA_LOGIN_RESP(152),
    MEDIA_LOGOUT_IND(153),
    MAKE_AGENT_ROUTABLE_IND(154, ArmField.MAX_TASKS),
    MAKE_AGENT_NOT_ROUTABLE_REQ(155),
    MAKE_AGENT_NOT_ROUTABLE_RESP(156),
    MAKE_AGENT_READY_IND(157, ArmField.MAKE_ROUTABLE),
    MAKE_AGENT_NOT_READY_REQ(158),
    MAKE_AGENT_NOT_READY_RESP(159),
    OFFER_TASK_IND(160, ArmField.TASK_ID),
    OFFER_APPLICATION_TASK_REQ(161, ArmField.TASK_ID),
    OFFER_APPLICATION_TASK_RESP(162),
    START_TASK_IND(163, ArmField.TASK_ID),
    START_APPLICATION_TASK_REQ(164, ArmField.TASK_ID),
    START_APPLICATION_TASK_RESP(165),
    PAUSE_TASK_IND(166, ArmField.TASK_ID),
    RESUME_TASK_IND(167, ArmField.TASK_ID),
    WRAPUP_TASK_IND(168, ArmField.TASK_ID),
    END_TASK_IND(169, ArmField.TASK_ID),
    AGENT_MADE_NOT_ROUTABLE_EVENT(170),
    AGENT_INTERRUPT_ADVISORY_EVENT(171),
    AGENT_INTERRUPT_ACCEPTED_IND(172),
    AGENT_INTERRUPT_UNACCEPTED_IND(173),
    AGENT_INTERRUPT_DONE_ADVISORY_EVENT(174),
    AGENT_INTERRUPT_DONE_ACCEPTED_IND(175),
    CHANGE_MAX_TASK_LIMIT_REQ(176, ArmField.MAX_TASK_LIMIT),
    CHANGE_MAX_TASK_LIMIT_RESP(177),
    MAX_TASK_LIFETIME_EXCEEDED_EVENT(207, ArmField.TASK_ID),
    /**
     * Ours, not Cisco's: the application path reports an MRD's domain available or not (rttest flag D).
     * It concerns every agent of the MRD, so it is written to every partition of the agent-event topic.
     */
    APP_PATH_DOMAIN_STATUS_EVENT(10001, ArmField.APPLICATION_PATH_ID, ArmField.DOMAIN_AVAILABLE);

    private static final Map<Integer, ArmMessage> BY_TYPE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(ArmMessage::type, Function.identity()));

    private final int type;
    private final Set<ArmField> requiredFields;

    ArmMessage(int type, ArmField... requiredFields) {
        this.type = type;
        this.requiredFields = requiredFields.length == 0
                ? Set.of()
                : Set.copyOf(EnumSet.of(requiredFields[0], requiredFields));
    }

    /** The CTI message type number carried in the 8-byte message header. */
    public int type() {
        return type;
    }

    public Set<ArmField> requiredFields() {
        return requiredFields;
    }

    /** Whether the message concerns one agent (keyed by ICM agent id) rather than a whole MRD. */
    public boolean isPerAgent() {
        return this != APP_PATH_DOMAIN_STATUS_EVENT;
    }

    /** Whether Cisco publishes this message type; ours are documented as ours. */
    public boolean isCisco() {
        return type < 10_000;
    }

    public static Optional<ArmMessage> ofType(int type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }

    public static Optional<ArmMessage> ofName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(name));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }
}
