package dev.agentavailability.contract.wire;

import static dev.agentavailability.contract.wire.FieldType.BOOL;
import static dev.agentavailability.contract.wire.FieldType.INT;
import static dev.agentavailability.contract.wire.FieldType.STRING;
import static dev.agentavailability.contract.wire.FieldType.TASKID;
import static dev.agentavailability.contract.wire.FieldType.UINT;
import static dev.agentavailability.contract.wire.FieldType.USHORT;
import static dev.agentavailability.contract.wire.MessageLayout.Provenance.CONFIRMED;
import static dev.agentavailability.contract.wire.MessageLayout.Provenance.OURS;

import dev.agentavailability.contract.wire.MessageLayout.Provenance;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The catalogue of message layouts the codec knows: the ARM messages 151..177 and 207 (see
 * {@code docs/wire-layouts.md} and the package documentation for which are Cisco-confirmed), plus the
 * project's own APP_PATH_DOMAIN_STATUS_EVENT (10001). This class is the only place that states a field
 * order.
 */
public final class MessageLayouts {

    // The fields, named once. Keys are what a decoded WireMessage uses, wire names what Cisco traces print.
    public static final WireField INVOKE_ID = new WireField("invokeId", "InvokeID", UINT);
    public static final WireField MRD_ID = new WireField("mrdId", "MRDID", INT);
    public static final WireField ICM_AGENT_ID = new WireField("icmAgentId", "ICMAgentID", INT);
    public static final WireField AGENT_MODE = new WireField("agentMode", "AgentMode", USHORT);
    public static final WireField IS_AVAILABLE = new WireField("isAvailable", "IsAvailable", BOOL);
    public static final WireField MAX_TASK_LIMIT = new WireField("maxTaskLimit", "MaxTaskLimit", UINT);
    public static final WireField MAX_TASKS = new WireField("maxTasks", "MaxTasks", UINT);
    public static final WireField MAKE_ROUTABLE = new WireField("makeRoutable", "MakeRoutable", BOOL);
    public static final WireField REASON_CODE = new WireField("reasonCode", "ReasonCode", USHORT);
    public static final WireField STATUS = new WireField("status", "Status", UINT);
    public static final WireField TASK_ID = new WireField("taskId", "TaskID", TASKID);
    public static final WireField DISPOSITION = new WireField("disposition", "Disposition", USHORT);
    public static final WireField INTERRUPTING_MRD_ID =
            new WireField("interruptingMrdId", "InterruptingMRDID", INT);
    public static final WireField APPLICATION_PATH_ID =
            new WireField("applicationPathId", "ApplicationPathID", INT);
    public static final WireField DOMAIN_AVAILABLE = new WireField("domainAvailable", "DomainAvailable", BOOL);
    public static final WireField AGENT_INFO = new WireField("agentInfo", "AgentInfo", STRING);
    public static final WireField MAX_BEYOND_TASK_LIMIT =
            new WireField("maxBeyondTaskLimit", "MaxBeyondTaskLimit", UINT);
    public static final WireField MEDIA_TYPE = new WireField("mediaType", "MediaType", UINT);
    public static final WireField MEDIA_PROVIDER = new WireField("mediaProvider", "MediaProvider", STRING);
    public static final WireField ICM_DISPOSITION = new WireField("icmDisposition", "IcmDisposition", UINT);
    public static final WireField APP_DISPOSITION = new WireField("appDisposition", "AppDisposition", UINT);

    // Floating tags.
    /** Seen in the ECE MEDIA_LOGIN_REQ dump carrying AgentInfo "1005"; not in the public v25 tag table. */
    public static final int AGENT_INFO_TAG = 107;
    public static final int FLT_ICM_DISP_TAG = 259;
    public static final int FLT_APP_DISP_TAG = 260;
    public static final int MAX_BEYOND_TASK_LIMIT_TAG = 266;
    public static final int MEDIA_TYPE_TAG = 312;
    public static final int MEDIA_PROVIDER_TAG = 313;

    private static final String AGENT_TASK = "InvokeID, MRDID, ICMAgentID, TaskID: Cisco publishes no layout; ours.";
    private static final String REQUEST_BASE = "Cisco publishes no layout; ours, following the confirmed ARM "
            + "indications (InvokeID, MRDID, ICMAgentID).";
    private static final String RESPONSE_BASE = "Cisco publishes no layout; ours, shaped like MEDIA_LOGIN_RESP "
            + "(echoed InvokeID, then an E_ARM_STAT status).";
    private static final String EVENT_BASE = "Cisco publishes no layout; ours. Server events carry no InvokeID.";

    public static final MessageLayout MEDIA_LOGIN_REQ = layout(151, "MEDIA_LOGIN_REQ", CONFIRMED,
            "Fixed part confirmed by the ECE dump and the CTI server log; the order of AgentMode and IsAvailable is "
                    + "inferred (both 0 in the dump). Tag 107 = AgentInfo seen in the dump (1-byte tags); tags 266, "
                    + "312, 313 from the v25 tag table, their types (UINT, UINT, STRING) are ours.",
            fixed(INVOKE_ID, MRD_ID, ICM_AGENT_ID, AGENT_MODE, IS_AVAILABLE, MAX_TASK_LIMIT),
            floating(tag(AGENT_INFO_TAG, AGENT_INFO), tag(MAX_BEYOND_TASK_LIMIT_TAG, MAX_BEYOND_TASK_LIMIT),
                    tag(MEDIA_TYPE_TAG, MEDIA_TYPE), tag(MEDIA_PROVIDER_TAG, MEDIA_PROVIDER)));
    public static final MessageLayout MEDIA_LOGIN_RESP = layout(152, "MEDIA_LOGIN_RESP", CONFIRMED,
            "Partly confirmed: MessageLength 8 and the echoed InvokeID are from the ECE dump; that the trailing "
                    + "UINT is the E_ARM_STAT status is inferred.",
            fixed(INVOKE_ID, STATUS), floating());
    public static final MessageLayout MEDIA_LOGOUT_IND = layout(153, "MEDIA_LOGOUT_IND", OURS,
            "Fixed part ours; floating FLT_ICM_DISP (259) and FLT_APP_DISP (260) from the v25 tag table.",
            fixed(INVOKE_ID, MRD_ID, ICM_AGENT_ID),
            floating(tag(FLT_ICM_DISP_TAG, ICM_DISPOSITION), tag(FLT_APP_DISP_TAG, APP_DISPOSITION)));
    public static final MessageLayout MAKE_AGENT_ROUTABLE_IND = layout(154, "MAKE_AGENT_ROUTABLE_IND", CONFIRMED,
            "Confirmed by the ECE dump and two CTI server traces.",
            fixed(INVOKE_ID, MRD_ID, ICM_AGENT_ID, MAX_TASKS), floating());
    public static final MessageLayout MAKE_AGENT_NOT_ROUTABLE_REQ = layout(155, "MAKE_AGENT_NOT_ROUTABLE_REQ", OURS,
            REQUEST_BASE, fixed(INVOKE_ID, MRD_ID, ICM_AGENT_ID), floating());
    public static final MessageLayout MAKE_AGENT_NOT_ROUTABLE_RESP = layout(156, "MAKE_AGENT_NOT_ROUTABLE_RESP",
            OURS, RESPONSE_BASE, fixed(INVOKE_ID, STATUS), floating());
    public static final MessageLayout MAKE_AGENT_READY_IND = layout(157, "MAKE_AGENT_READY_IND", CONFIRMED,
            "Confirmed by the ECE dump (MessageLength 14) and two CTI server traces.",
            fixed(INVOKE_ID, MRD_ID, ICM_AGENT_ID, MAKE_ROUTABLE), floating());
    public static final MessageLayout MAKE_AGENT_NOT_READY_REQ = layout(158, "MAKE_AGENT_NOT_READY_REQ", OURS,
            REQUEST_BASE + " ReasonCode USHORT as in AGENT_STATE_EVENT.",
            fixed(INVOKE_ID, MRD_ID, ICM_AGENT_ID, REASON_CODE), floating());
    public static final MessageLayout MAKE_AGENT_NOT_READY_RESP = layout(159, "MAKE_AGENT_NOT_READY_RESP", OURS,
            RESPONSE_BASE, fixed(INVOKE_ID, STATUS), floating());
    public static final MessageLayout OFFER_TASK_IND = agentTask(160, "OFFER_TASK_IND");
    public static final MessageLayout OFFER_APPLICATION_TASK_REQ = agentTask(161, "OFFER_APPLICATION_TASK_REQ");
    public static final MessageLayout OFFER_APPLICATION_TASK_RESP = layout(162, "OFFER_APPLICATION_TASK_RESP", OURS,
            RESPONSE_BASE + " Returns the CCE TaskID.", fixed(INVOKE_ID, STATUS, TASK_ID), floating());
    public static final MessageLayout START_TASK_IND = agentTask(163, "START_TASK_IND");
    public static final MessageLayout START_APPLICATION_TASK_REQ = agentTask(164, "START_APPLICATION_TASK_REQ");
    public static final MessageLayout START_APPLICATION_TASK_RESP = layout(165, "START_APPLICATION_TASK_RESP", OURS,
            RESPONSE_BASE + " Returns the CCE TaskID.", fixed(INVOKE_ID, STATUS, TASK_ID), floating());
    public static final MessageLayout PAUSE_TASK_IND = agentTask(166, "PAUSE_TASK_IND");
    public static final MessageLayout RESUME_TASK_IND = agentTask(167, "RESUME_TASK_IND");
    public static final MessageLayout WRAPUP_TASK_IND = agentTask(168, "WRAPUP_TASK_IND");
    public static final MessageLayout END_TASK_IND = layout(169, "END_TASK_IND", OURS,
            AGENT_TASK + " Disposition USHORT holds the TCD CallDisposition (35..66).",
            fixed(INVOKE_ID, MRD_ID, ICM_AGENT_ID, TASK_ID, DISPOSITION), floating());
    public static final MessageLayout AGENT_MADE_NOT_ROUTABLE_EVENT = layout(170, "AGENT_MADE_NOT_ROUTABLE_EVENT",
            OURS, EVENT_BASE, fixed(MRD_ID, ICM_AGENT_ID), floating());
    public static final MessageLayout AGENT_INTERRUPT_ADVISORY_EVENT = layout(171,
            "AGENT_INTERRUPT_ADVISORY_EVENT", OURS, EVENT_BASE + " InterruptingMRDID names the interrupting MRD.",
            fixed(MRD_ID, ICM_AGENT_ID, INTERRUPTING_MRD_ID), floating());
    public static final MessageLayout AGENT_INTERRUPT_ACCEPTED_IND = layout(172, "AGENT_INTERRUPT_ACCEPTED_IND",
            OURS, REQUEST_BASE, fixed(INVOKE_ID, MRD_ID, ICM_AGENT_ID), floating());
    public static final MessageLayout AGENT_INTERRUPT_UNACCEPTED_IND = layout(173, "AGENT_INTERRUPT_UNACCEPTED_IND",
            OURS, REQUEST_BASE, fixed(INVOKE_ID, MRD_ID, ICM_AGENT_ID), floating());
    public static final MessageLayout AGENT_INTERRUPT_DONE_ADVISORY_EVENT = layout(174,
            "AGENT_INTERRUPT_DONE_ADVISORY_EVENT", OURS, EVENT_BASE, fixed(MRD_ID, ICM_AGENT_ID), floating());
    public static final MessageLayout AGENT_INTERRUPT_DONE_ACCEPTED_IND = layout(175,
            "AGENT_INTERRUPT_DONE_ACCEPTED_IND", OURS, REQUEST_BASE, fixed(INVOKE_ID, MRD_ID, ICM_AGENT_ID),
            floating());
    public static final MessageLayout CHANGE_MAX_TASK_LIMIT_REQ = layout(176, "CHANGE_MAX_TASK_LIMIT_REQ", OURS,
            REQUEST_BASE + " MaxTaskLimit UINT as in MEDIA_LOGIN_REQ.",
            fixed(INVOKE_ID, MRD_ID, ICM_AGENT_ID, MAX_TASK_LIMIT), floating());
    public static final MessageLayout CHANGE_MAX_TASK_LIMIT_RESP = layout(177, "CHANGE_MAX_TASK_LIMIT_RESP", OURS,
            RESPONSE_BASE, fixed(INVOKE_ID, STATUS), floating());
    public static final MessageLayout MAX_TASK_LIFETIME_EXCEEDED_EVENT = layout(207,
            "MAX_TASK_LIFETIME_EXCEEDED_EVENT", OURS, EVENT_BASE + " The task ends with TCD disposition 41.",
            fixed(MRD_ID, ICM_AGENT_ID, TASK_ID), floating());
    /**
     * Not a Cisco message: the project's report, by an application path, that a Media Routing Domain is
     * (un)available to it (rttest flag D). Its type lies far above Cisco's numbers.
     */
    public static final MessageLayout APP_PATH_DOMAIN_STATUS_EVENT = layout(10001, "APP_PATH_DOMAIN_STATUS_EVENT",
            OURS, "Not a Cisco message: the project's own report that an application path finds a domain "
                    + "(un)available (rttest flag D).",
            fixed(APPLICATION_PATH_ID, MRD_ID, DOMAIN_AVAILABLE), floating());

    private static final MessageLayouts STANDARD = new MessageLayouts(List.of(
            MEDIA_LOGIN_REQ, MEDIA_LOGIN_RESP, MEDIA_LOGOUT_IND, MAKE_AGENT_ROUTABLE_IND,
            MAKE_AGENT_NOT_ROUTABLE_REQ, MAKE_AGENT_NOT_ROUTABLE_RESP, MAKE_AGENT_READY_IND,
            MAKE_AGENT_NOT_READY_REQ, MAKE_AGENT_NOT_READY_RESP, OFFER_TASK_IND, OFFER_APPLICATION_TASK_REQ,
            OFFER_APPLICATION_TASK_RESP, START_TASK_IND, START_APPLICATION_TASK_REQ, START_APPLICATION_TASK_RESP,
            PAUSE_TASK_IND, RESUME_TASK_IND, WRAPUP_TASK_IND, END_TASK_IND, AGENT_MADE_NOT_ROUTABLE_EVENT,
            AGENT_INTERRUPT_ADVISORY_EVENT, AGENT_INTERRUPT_ACCEPTED_IND, AGENT_INTERRUPT_UNACCEPTED_IND,
            AGENT_INTERRUPT_DONE_ADVISORY_EVENT, AGENT_INTERRUPT_DONE_ACCEPTED_IND, CHANGE_MAX_TASK_LIMIT_REQ,
            CHANGE_MAX_TASK_LIMIT_RESP, MAX_TASK_LIFETIME_EXCEEDED_EVENT, APP_PATH_DOMAIN_STATUS_EVENT));

    private final List<MessageLayout> all;
    private final Map<Integer, MessageLayout> byType;
    private final Map<String, MessageLayout> byName;

    private MessageLayouts(List<MessageLayout> layouts) {
        this.all = List.copyOf(layouts);
        Map<Integer, MessageLayout> types = new HashMap<>();
        Map<String, MessageLayout> names = new HashMap<>();
        for (MessageLayout layout : all) {
            if (types.put(layout.type(), layout) != null) {
                throw new IllegalArgumentException("message type " + layout.type() + " appears twice");
            }
            if (names.put(layout.name(), layout) != null) {
                throw new IllegalArgumentException("message name " + layout.name() + " appears twice");
            }
        }
        this.byType = Map.copyOf(types);
        this.byName = Map.copyOf(names);
    }

    /** The catalogue this project uses. */
    public static MessageLayouts standard() {
        return STANDARD;
    }

    /** A catalogue of the given layouts (for tests, or a session that knows more messages). */
    public static MessageLayouts of(List<MessageLayout> layouts) {
        return new MessageLayouts(layouts);
    }

    /** Every layout, in type order of the catalogue as declared. */
    public List<MessageLayout> all() {
        return all;
    }

    public Optional<MessageLayout> byType(long type) {
        if (type < 0 || type > Integer.MAX_VALUE) {
            return Optional.empty();
        }
        return Optional.ofNullable(byType.get((int) type));
    }

    public Optional<MessageLayout> byName(String name) {
        return Optional.ofNullable(name == null ? null : byName.get(name));
    }

    /**
     * The catalogue as a Markdown table (type, name, fixed fields, floating tags, provenance), the form
     * {@code docs/wire-layouts.md} shows.
     */
    public String markdownTable() {
        StringBuilder out = new StringBuilder();
        out.append("| Type | Name | Fixed part (in order) | Bytes | Floating tags | Provenance | Note |\n");
        out.append("|---|---|---|---|---|---|---|\n");
        for (MessageLayout layout : all) {
            String fixed = layout.fixed().stream().map(WireField::toString).collect(Collectors.joining(", "));
            String floating = layout.floating().isEmpty() ? "—"
                    : layout.floating().stream().map(FloatingField::toString).collect(Collectors.joining(", "));
            out.append("| ").append(layout.type())
                    .append(" | ").append(layout.name())
                    .append(" | ").append(fixed)
                    .append(" | ").append(layout.fixedSize())
                    .append(" | ").append(floating)
                    .append(" | ").append(layout.provenance())
                    .append(" | ").append(layout.note())
                    .append(" |\n");
        }
        return out.toString();
    }

    private static MessageLayout agentTask(int type, String name) {
        return layout(type, name, OURS, AGENT_TASK, fixed(INVOKE_ID, MRD_ID, ICM_AGENT_ID, TASK_ID), floating());
    }

    private static MessageLayout layout(int type, String name, Provenance provenance, String note,
            List<WireField> fixed, List<FloatingField> floating) {
        return new MessageLayout(type, name, fixed, floating, provenance, note);
    }

    private static List<WireField> fixed(WireField... fields) {
        return Arrays.asList(fields);
    }

    private static List<FloatingField> floating(FloatingField... fields) {
        return new ArrayList<>(Arrays.asList(fields));
    }

    private static FloatingField tag(int tag, WireField field) {
        return new FloatingField(tag, field);
    }
}
