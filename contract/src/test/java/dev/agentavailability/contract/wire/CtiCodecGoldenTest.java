package dev.agentavailability.contract.wire;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentavailability.contract.wire.ArmFrameLine.Direction;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The byte dumps of arm-reference.md §1.3 and the listener log records of scenarios.md, field by field. */
class CtiCodecGoldenTest {

    static final String MEDIA_LOGIN_REQ_DUMP =
            "0 0 0 27 0 0 0 -105 0 2 8 1 0 0 19 -120 0 0 19 -87 0 0 0 0 0 0 0 1 107 5 49 48 48 53 0";
    static final String MEDIA_LOGIN_REQ_HEX =
            "00 00 00 1b 00 00 00 97 00 02 08 01 00 00 13 88 00 00 13 a9 00 00 00 00 00 00 00 01 6b 05 31 30 30 35 00";
    static final String MAKE_AGENT_ROUTABLE_IND_DUMP =
            "0 0 0 16 0 0 0 -102 0 1 57 43 0 0 19 -120 0 0 25 20 0 0 0 2";
    static final String MAKE_AGENT_ROUTABLE_IND_HEX =
            "00 00 00 10 00 00 00 9a 00 01 39 2b 00 00 13 88 00 00 19 14 00 00 00 02";

    /** The two records exactly as scenarios.md shows them (the first wraps over five lines). */
    static final String SCENARIO_LOG = String.join("\n",
            "2019-07-20 18:27:31.749 GMT+0000 <@> INFO <@> [14285:listener-event-pool-priority-arm-request-executor::-0] <@> ProcessId:4584",
            "<@> PID:1 <@> UID:1005 <@> HttpSessionId:IrltMMd3T0prrkbhAwK8wkL5 <@>",
            "com.ipcc.listener.arm.ARMLogger <@>",
            "<@> Sending MEDIA_LOGIN_REQ -> 0 0 0 27 0 0 0 -105 0 2 8 1 0 0 19 -120 0 0 19 -87 0 0 0 0 0 0 0",
            "1 107 5 49 48 48 53 0 <@>",
            "2019-08-19 13:34:09.773 GMT+0000 <@> INFO <@> [8938:listener-event-pool-priority-arm-request-executor::-441] <@> ProcessId:5436 <@> PID:1 <@> UID:12 <@> HttpSessionId: <@> com.ipcc.listener.AgentAvailabilityStatusHandler <@> <@>",
            "AgentAvailabilityStatusHandler:agentIsAvailable() MAKE_AGENT_ROUTABLE_IND to ARM",
            "armLoginDataArraySize= ARMAgentData",
            "=====",
            "2019-08-19 13:34:09.773 GMT+0000 <@> INFO <@> [8938:listener-event-pool-priority-arm-request-executor::-441] <@> ProcessId:5436 <@> PID:1 <@> UID:12 <@> HttpSessionId: <@> com.ipcc.listener.arm.ARMLogger <@> <@> Sending MAKE_AGENT_ROUTABLE_IND -> 0 0 0 16 0 0 0 -102 0 1 57 43 0 0 19 -120 0 0 25 20 0 0 0 2 <@>",
            "");

    private final CtiCodec codec = new CtiCodec();

    @Test
    void decodesTheMediaLoginReqDumpFieldByField() {
        byte[] frame = ByteDump.parse(MEDIA_LOGIN_REQ_DUMP);
        assertThat(frame).hasSize(35).isEqualTo(ByteDump.parse(MEDIA_LOGIN_REQ_HEX));

        WireMessage message = codec.decode(frame, TagWidth.ONE_BYTE);

        assertThat(message.layout()).isSameAs(MessageLayouts.MEDIA_LOGIN_REQ);
        assertThat(message.type()).isEqualTo(151);
        assertThat(message.name()).isEqualTo("MEDIA_LOGIN_REQ");
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("invokeId", 133_121L);
        expected.put("mrdId", 5000);
        expected.put("icmAgentId", 5033);
        expected.put("agentMode", 0);
        expected.put("isAvailable", false);
        expected.put("maxTaskLimit", 1L);
        expected.put("agentInfo", "1005");
        assertThat(message.fields()).containsExactlyEntriesOf(expected);
        assertThat(message.floating()).containsExactly(new WireMessage.FloatingValue(107, "agentInfo", "1005"));
        assertThat(message.get("invokeId", Long.class)).isEqualTo(133_121L);
        assertThat(message.get("maxBeyondTaskLimit")).isNull();

        assertThat(codec.encode(message, TagWidth.ONE_BYTE)).isEqualTo(frame);
        assertThat(ByteDump.signedDecimal(codec.encode(message, TagWidth.ONE_BYTE))).isEqualTo(MEDIA_LOGIN_REQ_DUMP);
    }

    @Test
    void decodesTheMakeAgentRoutableIndDumpFieldByField() {
        byte[] frame = ByteDump.parse(MAKE_AGENT_ROUTABLE_IND_DUMP);
        assertThat(frame).hasSize(24).isEqualTo(ByteDump.parse(MAKE_AGENT_ROUTABLE_IND_HEX));

        WireMessage message = codec.decode(frame, TagWidth.ONE_BYTE);

        assertThat(message.layout()).isSameAs(MessageLayouts.MAKE_AGENT_ROUTABLE_IND);
        assertThat(message.type()).isEqualTo(154);
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("invokeId", 80_171L);
        expected.put("mrdId", 5000);
        expected.put("icmAgentId", 6420);
        expected.put("maxTasks", 2L);
        assertThat(message.fields()).containsExactlyEntriesOf(expected);
        assertThat(message.floating()).isEmpty();

        assertThat(codec.encode(message, TagWidth.ONE_BYTE)).isEqualTo(frame);
        assertThat(ByteDump.hex(codec.encode(message, TagWidth.TWO_BYTES))).isEqualTo(MAKE_AGENT_ROUTABLE_IND_HEX);
    }

    @Test
    void aFixedOnlyFrameReadsTheSameWithEitherTagWidth() {
        byte[] frame = ByteDump.parse(MAKE_AGENT_ROUTABLE_IND_DUMP);
        assertThat(codec.decode(frame, TagWidth.TWO_BYTES)).isEqualTo(codec.decode(frame, TagWidth.ONE_BYTE));
    }

    @Test
    void theHeldBackMessagesHaveTheLengthsTheReferenceGives() {
        // MEDIA_LOGIN_RESP: MessageLength 8; MAKE_AGENT_READY_IND: MessageLength 14 (arm-reference.md §1.3)
        WireMessage response = WireMessage.builder(MessageLayouts.MEDIA_LOGIN_RESP)
                .set("invokeId", 133_121L).set("status", 0L).build();
        WireMessage ready = WireMessage.builder(MessageLayouts.MAKE_AGENT_READY_IND)
                .set("invokeId", 80_172L).set("mrdId", 5000).set("icmAgentId", 6420).set("makeRoutable", true)
                .build();

        byte[] responseFrame = codec.encode(response, TagWidth.ONE_BYTE);
        byte[] readyFrame = codec.encode(ready, TagWidth.ONE_BYTE);

        assertThat(ByteDump.signedDecimal(responseFrame)).startsWith("0 0 0 8 0 0 0 -104 0 2 8 1");
        assertThat(ByteDump.hex(readyFrame)).isEqualTo("00 00 00 0e 00 00 00 9d 00 01 39 2c 00 00 13 88 00 00 19 14 00 01");
        assertThat(codec.decode(readyFrame, TagWidth.ONE_BYTE)).isEqualTo(ready);
        assertThat(codec.decode(responseFrame, TagWidth.ONE_BYTE)).isEqualTo(response);
    }

    @Test
    void readsTheSameMessagesFromTheScenarioLogRecords() {
        ListenerLogRecord.Scan scan = ListenerLogRecord.scan(SCENARIO_LOG);

        assertThat(scan.errors()).isEmpty();
        assertThat(scan.notFrames()).isEqualTo(1);
        List<ArmFrameLine> frames = scan.frames();
        assertThat(frames).hasSize(2);

        ArmFrameLine login = frames.get(0);
        assertThat(login.at()).isEqualTo(Instant.parse("2019-07-20T18:27:31.749Z"));
        assertThat(login.direction()).isEqualTo(Direction.SENDING);
        assertThat(login.name()).isEqualTo("MEDIA_LOGIN_REQ");
        assertThat(login.firstLineNumber()).isEqualTo(1);
        assertThat(login.bytes()).isEqualTo(ByteDump.parse(MEDIA_LOGIN_REQ_HEX));
        assertThat(login.decode(codec, TagWidth.ONE_BYTE))
                .isEqualTo(codec.decode(ByteDump.parse(MEDIA_LOGIN_REQ_DUMP), TagWidth.ONE_BYTE));

        ArmFrameLine routable = frames.get(1);
        assertThat(routable.at()).isEqualTo(Instant.parse("2019-08-19T13:34:09.773Z"));
        assertThat(routable.name()).isEqualTo("MAKE_AGENT_ROUTABLE_IND");
        assertThat(routable.firstLineNumber()).isEqualTo(10);
        WireMessage message = routable.decode(codec, TagWidth.ONE_BYTE);
        assertThat(message.fields()).containsEntry("invokeId", 80_171L).containsEntry("mrdId", 5000)
                .containsEntry("icmAgentId", 6420).containsEntry("maxTasks", 2L);
        assertThat(codec.encode(message, TagWidth.ONE_BYTE)).isEqualTo(routable.bytes());
    }
}
