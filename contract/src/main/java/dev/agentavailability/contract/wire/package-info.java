/**
 * The CTI Server binary frame codec for the ARM messages: {@link dev.agentavailability.contract.wire.CtiCodec}
 * reads and writes frames (8-byte header, fixed part, floating part; big-endian; at most 12,500 bytes) from
 * one description per message, {@link dev.agentavailability.contract.wire.MessageLayout}, collected in
 * {@link dev.agentavailability.contract.wire.MessageLayouts}. {@link dev.agentavailability.contract.wire.ByteDump}
 * and {@link dev.agentavailability.contract.wire.ListenerLogRecord} read the byte lists and listener logs
 * operators paste. {@link dev.agentavailability.contract.wire.ArmWireMapping} turns a decoded message into the
 * {@link dev.agentavailability.contract.arm.ArmEvent} of the agent-event topic and back.
 *
 * <h2>Which layouts are Cisco's and which are ours</h2>
 *
 * <p>Cisco's CTI Server Message Reference Guide lists every ARM message with its number and purpose but
 * publishes no fixed-part layout for the ARM requests and indications. Each layout therefore carries a
 * {@link dev.agentavailability.contract.wire.MessageLayout.Provenance}:
 *
 * <ul>
 *   <li><b>CONFIRMED</b>, seen in a Cisco byte dump or trace:
 *     <ul>
 *       <li>151 MEDIA_LOGIN_REQ: InvokeID UINT, MRDID INT, ICMAgentID INT, AgentMode USHORT, IsAvailable BOOL,
 *           MaxTaskLimit UINT (ECE dump and CTI server log). The order of AgentMode and IsAvailable is
 *           inferred: both were 0 in the dump. Floating tag 107 carried AgentInfo "1005" in the dump with
 *           one-byte tags; 107 is not in the public v25 tag table. Tags 266 MAX_BEYOND_TASK_LIMIT, 312
 *           MEDIA_TYPE and 313 MEDIA_PROVIDER are in the v25 tag table; their data types (UINT, UINT, STRING)
 *           are ours. Tags above 255 exist only with {@link dev.agentavailability.contract.wire.TagWidth#TWO_BYTES}.</li>
 *       <li>152 MEDIA_LOGIN_RESP, in part: the 8-byte body and the echoed InvokeID are confirmed; that the
 *           second UINT is the E_ARM_STAT status is inferred.</li>
 *       <li>154 MAKE_AGENT_ROUTABLE_IND: InvokeID, MRDID, ICMAgentID, MaxTasks UINT (dump and two traces).</li>
 *       <li>157 MAKE_AGENT_READY_IND: InvokeID, MRDID, ICMAgentID, MakeRoutable BOOL (dump and two traces).</li>
 *     </ul>
 *   </li>
 *   <li><b>OURS</b>, documented by this project because Cisco publishes none: 153 MEDIA_LOGOUT_IND (its
 *       floating tags 259 FLT_ICM_DISP and 260 FLT_APP_DISP are Cisco's), 155, 156, 158, 159, 160..169,
 *       170..177, 207, and 10001 APP_PATH_DOMAIN_STATUS_EVENT, which is not a Cisco message at all: the
 *       project's report that an application path finds a Media Routing Domain (un)available (rttest flag D).
 *       Requests and indications start with InvokeID, MRDID, ICMAgentID like the confirmed ones; responses are
 *       InvokeID + Status like MEDIA_LOGIN_RESP; server events carry no InvokeID.</li>
 * </ul>
 *
 * <p>A frame from a real CTI server that does not fit an OURS layout is refused with a
 * {@link dev.agentavailability.contract.wire.FrameException} naming the offset: the layouts are a bet to be
 * checked against traces, not a claim. {@code docs/wire-layouts.md} has the same catalogue as a table.
 */
package dev.agentavailability.contract.wire;
