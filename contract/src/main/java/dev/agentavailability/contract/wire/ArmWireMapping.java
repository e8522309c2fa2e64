package dev.agentavailability.contract.wire;

import dev.agentavailability.contract.arm.ArmEvent;
import dev.agentavailability.contract.arm.ArmField;
import dev.agentavailability.contract.arm.ArmFields;
import dev.agentavailability.contract.arm.ArmMessage;
import dev.agentavailability.contract.arm.TaskId;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Converts between a decoded CTI message ({@link WireMessage}) and the {@link ArmEvent} the agent-event topic
 * carries. Wire keys and {@link ArmFields} names are the same, with one exception: MEDIA_LOGOUT_IND carries
 * its disposition in the floating FLT_ICM_DISP field (key {@code icmDisposition}, UINT), the event in
 * {@code disposition}.
 *
 * <p>{@link #toEvent}: the envelope values a layout does not carry read as 0: server events (170, 171, 174,
 * 207, 10001) have no InvokeID, responses (*_RESP) no MRDID and no ICMAgentID (a client learns them from the
 * request whose InvokeID the response echoes), and APP_PATH_DOMAIN_STATUS_EVENT no ICMAgentID (it concerns a
 * whole MRD). A fixed field always has a value, so an event read from the wire carries every fixed field of
 * its message (a disposition of 0 where the frame says 0). Floating fields the event model has no place for
 * (MaxBeyondTaskLimit, MediaType, MediaProvider, AppDisposition) are left out of the event.
 *
 * <p>{@link #toWire}: a fixed field the event lacks gets its type's zero (0, false, task id 0-0-0); a
 * floating field goes on the wire only when the event has it (AgentInfo, tag 107, when {@code agentInfo} is
 * not null). Envelope values the layout has no place for (the MRD and agent of a response, the invoke id of a
 * server event) are not written. An event field that the message's layout cannot carry is refused rather than
 * dropped, and so is a value outside its wire type's range.
 *
 * <p>Every failure is an {@link IllegalArgumentException} that names the message and the field.
 */
public final class ArmWireMapping {

    /** The MEDIA_LOGOUT_IND floating field that holds the event's {@code disposition}. */
    static final String ICM_DISPOSITION = MessageLayouts.ICM_DISPOSITION.key();

    /** Wire fields the event model has no place for; {@link #toEvent} leaves them out. */
    static final Set<String> NOT_IN_EVENT = Set.of(MessageLayouts.MAX_BEYOND_TASK_LIMIT.key(),
            MessageLayouts.MEDIA_TYPE.key(), MessageLayouts.MEDIA_PROVIDER.key(),
            MessageLayouts.APP_DISPOSITION.key());

    private static final String INVOKE_ID = MessageLayouts.INVOKE_ID.key();
    private static final String MRD_ID = MessageLayouts.MRD_ID.key();
    private static final String ICM_AGENT_ID = MessageLayouts.ICM_AGENT_ID.key();

    private ArmWireMapping() {
    }

    /**
     * The event a decoded message stands for.
     *
     * @param m          a decoded (or built) wire message
     * @param occurredAt the event's time, which the caller decides (now, or a log record's time)
     * @param source     who publishes the event
     * @throws IllegalArgumentException when the message is not an ARM message of {@link ArmMessage}, or a value
     *                                  does not fit the event (a disposition beyond the int range)
     */
    public static ArmEvent toEvent(WireMessage m, Instant occurredAt, String source) {
        Objects.requireNonNull(m, "m");
        ArmMessage message = armMessage(m.layout());
        Map<ArmField, Object> values = new EnumMap<>(ArmField.class);
        for (Map.Entry<String, Object> field : m.fields().entrySet()) {
            String key = field.getKey();
            if (key.equals(INVOKE_ID) || key.equals(MRD_ID) || key.equals(ICM_AGENT_ID) || NOT_IN_EVENT.contains(key)) {
                continue;
            }
            if (key.equals(ICM_DISPOSITION)) {
                values.put(ArmField.DISPOSITION, toInt(m, key, (Long) field.getValue()));
            } else if (ArmField.byJsonName(key) != null) {
                values.put(ArmField.byJsonName(key), field.getValue());
            } else {
                throw new IllegalArgumentException(m.name() + ": wire field " + key
                        + " has no ArmEvent counterpart");
            }
        }
        long invokeId = m.has(INVOKE_ID) ? (Long) m.get(INVOKE_ID) : 0L;
        int mrdId = m.has(MRD_ID) ? (Integer) m.get(MRD_ID) : 0;
        int icmAgentId = m.has(ICM_AGENT_ID) ? (Integer) m.get(ICM_AGENT_ID) : 0;
        return ArmEvent.of(message, occurredAt, invokeId, mrdId, icmAgentId,
                values.isEmpty() ? ArmFields.NONE : ArmFields.of(values), source);
    }

    /** The wire message of an event, with the standard catalogue's layout. */
    public static WireMessage toWire(ArmEvent e) {
        return toWire(e, MessageLayouts.standard());
    }

    /**
     * The wire message of an event, with the given catalogue's layout for its message.
     *
     * @throws IllegalArgumentException when the catalogue has no layout for the message, the event carries a
     *                                  field the layout has no place for, or a value is outside its wire range
     */
    public static WireMessage toWire(ArmEvent e, MessageLayouts layouts) {
        Objects.requireNonNull(e, "e");
        MessageLayout layout = layouts.byName(e.message().name())
                .orElseThrow(() -> new IllegalArgumentException(e.message() + " (" + e.message().type()
                        + ") has no wire layout"));
        if (layout.type() != e.message().type()) {
            throw new IllegalArgumentException(e.message() + " is type " + e.message().type() + " but its layout says "
                    + layout.type());
        }
        ArmFields fields = e.fields() == null ? ArmFields.NONE : e.fields();
        for (ArmField field : ArmField.values()) {
            if (field.isPresentIn(fields) && wireKey(layout, field.jsonName()) == null) {
                throw new IllegalArgumentException(e.message() + " has no wire field for fields." + field.jsonName());
            }
        }
        WireMessage.Builder wire = WireMessage.builder(layout);
        for (WireField field : layout.fixed()) {
            Object value = envelope(e, field.key());
            if (value == null) {
                value = eventValue(fields, field.key());
            }
            wire.set(field.key(), value == null ? zero(field.type()) : convert(layout, field, value));
        }
        for (FloatingField field : layout.floating()) {
            Object value = eventValue(fields, field.key());
            if (value != null) {
                wire.set(field.key(), convert(layout, field.field(), value));
            }
        }
        return wire.build();
    }

    /** The ArmMessage of a layout: same name and type, or a clear refusal. */
    static ArmMessage armMessage(MessageLayout layout) {
        ArmMessage message = ArmMessage.ofName(layout.name())
                .orElseThrow(() -> new IllegalArgumentException("wire message " + layout.name() + " (type "
                        + layout.type() + ") has no ArmMessage counterpart"));
        if (message.type() != layout.type()) {
            throw new IllegalArgumentException("wire message " + layout.name() + " is type " + layout.type()
                    + " but ArmMessage " + message + " is type " + message.type());
        }
        return message;
    }

    private static Object envelope(ArmEvent e, String key) {
        if (key.equals(INVOKE_ID)) {
            return e.invokeId();
        }
        if (key.equals(MRD_ID)) {
            return e.mrdId();
        }
        if (key.equals(ICM_AGENT_ID)) {
            return e.icmAgentId();
        }
        return null;
    }

    /** The event's value for a wire key (null when the event lacks it). */
    private static Object eventValue(ArmFields fields, String wireKey) {
        ArmField field = wireKey.equals(ICM_DISPOSITION) ? ArmField.DISPOSITION : ArmField.byJsonName(wireKey);
        return field == null ? null : field.valueIn(fields);
    }

    /** The wire key that carries an event field in this layout, or null. */
    private static String wireKey(MessageLayout layout, String eventKey) {
        if (layout.field(eventKey).isPresent()) {
            return eventKey;
        }
        if (eventKey.equals("disposition") && layout.field(ICM_DISPOSITION).isPresent()) {
            return ICM_DISPOSITION;
        }
        return null;
    }

    /** A number of the event as the Java type of the wire field (Integer or Long); range is the WireMessage's check. */
    private static Object convert(MessageLayout layout, WireField field, Object value) {
        Class<?> wanted = field.type().javaType();
        if (wanted.isInstance(value)) {
            return value;
        }
        if (value instanceof Number && wanted == Long.class) {
            return ((Number) value).longValue();
        }
        if (value instanceof Number && wanted == Integer.class) {
            long number = ((Number) value).longValue();
            if (number < Integer.MIN_VALUE || number > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(layout.name() + ": " + field.key() + " " + number
                        + " is outside the range of a " + field.type());
            }
            return (int) number;
        }
        throw new IllegalArgumentException(layout.name() + ": " + field.key() + " is a " + field.type()
                + ", not " + value.getClass().getSimpleName() + " " + value);
    }

    private static Object zero(FieldType type) {
        switch (type) {
            case UINT:
                return 0L;
            case BOOL:
                return false;
            case TIME:
                return Instant.EPOCH;
            case TASKID:
                return new TaskId(0, 0, 0);
            case STRING:
                return "";
            default:
                return 0;
        }
    }

    private static Integer toInt(WireMessage m, String key, Long value) {
        if (value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(m.name() + ": " + key + " " + value
                    + " is beyond the largest disposition an event carries (" + Integer.MAX_VALUE + ")");
        }
        return value.intValue();
    }
}
