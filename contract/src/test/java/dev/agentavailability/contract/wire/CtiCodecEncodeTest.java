package dev.agentavailability.contract.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentavailability.contract.arm.TaskId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What encoding (and building a message to encode) refuses, each time naming the field. */
class CtiCodecEncodeTest {

    private final CtiCodec codec = new CtiCodec();

    private static WireMessage.Builder login() {
        return WireMessage.builder(MessageLayouts.MEDIA_LOGIN_REQ).set("invokeId", 1L).set("mrdId", 5000)
                .set("icmAgentId", 5033).set("agentMode", 0).set("isAvailable", false).set("maxTaskLimit", 1L);
    }

    @Test
    void refusesANegativeUint() {
        assertThatThrownBy(() -> codec.encode(login().set("invokeId", -1L).build(), TagWidth.ONE_BYTE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("MEDIA_LOGIN_REQ: invokeId (UINT): -1 is outside 0..4294967295");
        assertThatThrownBy(() -> login().set("maxTaskLimit", 0x1_0000_0000L).build())
                .hasMessageContaining("maxTaskLimit (UINT): 4294967296 is outside 0..4294967295");
    }

    @Test
    void refusesAUshortAbove65535() {
        assertThatThrownBy(() -> codec.encode(login().set("agentMode", 65_536).build(), TagWidth.ONE_BYTE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("MEDIA_LOGIN_REQ: agentMode (USHORT): 65536 is outside 0..65535");
    }

    @Test
    void refusesATagAbove255WithOneByteTags() {
        WireMessage message = login().set("maxBeyondTaskLimit", 2L).build();
        assertThatThrownBy(() -> codec.encode(message, TagWidth.ONE_BYTE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("MEDIA_LOGIN_REQ: maxBeyondTaskLimit has tag 266, which needs two-byte tags; "
                        + "ONE_BYTE carries tags up to 255");
        assertThat(codec.decode(codec.encode(message, TagWidth.TWO_BYTES), TagWidth.TWO_BYTES)).isEqualTo(message);
    }

    @Test
    void refusesAStringTooLongForTheLengthField() {
        WireMessage fits = login().set("agentInfo", "x".repeat(254)).build();
        WireMessage tooLong = login().set("agentInfo", "x".repeat(255)).build();
        assertThat(codec.encode(fits, TagWidth.ONE_BYTE)).hasSize(8 + 20 + 2 + 255);
        assertThatThrownBy(() -> codec.encode(tooLong, TagWidth.ONE_BYTE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("MEDIA_LOGIN_REQ: agentInfo takes 256 bytes with its NUL; a ONE_BYTE length field "
                        + "holds at most 255");
        assertThat(codec.decode(codec.encode(tooLong, TagWidth.TWO_BYTES), TagWidth.TWO_BYTES)).isEqualTo(tooLong);
    }

    @Test
    void refusesAFrameOverTheMaximum() {
        WireMessage huge = login().set("agentInfo", "x".repeat(12_000)).set("mediaProvider", "y".repeat(500))
                .build();
        assertThatThrownBy(() -> codec.encode(huge, TagWidth.TWO_BYTES))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("MEDIA_LOGIN_REQ would be a frame of 12538 bytes, over the 12,500-byte CTI maximum");
    }

    @Test
    void refusesStringsTheWireCannotCarry() {
        assertThatThrownBy(() -> login().set("agentInfo", "a\0b").build())
                .hasMessageContaining("agentInfo (STRING): contains a NUL at character 1");
        assertThatThrownBy(() -> login().set("agentInfo", "caf\u20ac").build())
                .hasMessageContaining("agentInfo (STRING): character 3 (U+20AC) is outside ISO-8859-1");
    }

    @Test
    void refusesValuesOfTheWrongJavaTypeOrMissing() {
        assertThatThrownBy(() -> login().set("invokeId", 1).build())
                .hasMessage("MEDIA_LOGIN_REQ: invokeId is a UINT and needs a Long, not a Integer (1)");
        assertThatThrownBy(() -> WireMessage.builder(MessageLayouts.MEDIA_LOGIN_RESP).set("invokeId", 1L).build())
                .hasMessage("MEDIA_LOGIN_RESP: fixed field status (Status) has no value");
        assertThatThrownBy(() -> login().set("maxTasks", 1L))
                .hasMessage("maxTasks is not a field of MEDIA_LOGIN_REQ");
        Map<String, Object> outOfOrder = new LinkedHashMap<>();
        outOfOrder.put("status", 0L);
        outOfOrder.put("invokeId", 1L);
        assertThatThrownBy(() -> new WireMessage(MessageLayouts.MEDIA_LOGIN_RESP, outOfOrder, List.of()))
                .hasMessageStartingWith("MEDIA_LOGIN_RESP: expected fixed field invokeId (InvokeID) next, found status");
    }

    @Test
    void refusesTaskIdsAndTimesOutsideTheirRange() {
        WireMessage.Builder start = WireMessage.builder(MessageLayouts.START_TASK_IND).set("invokeId", 1L)
                .set("mrdId", 5000).set("icmAgentId", 6420);
        assertThatThrownBy(() -> start.set("taskId", new TaskId(0, 1L << 31, 0)).build())
                .hasMessageContaining("taskId (TASKID): groupLow 2147483648 is outside");
        assertThatThrownBy(() -> FieldType.TIME.check("at", Instant.ofEpochSecond(-1)))
                .hasMessage("at (TIME): -1 is outside 0..4294967295");
        assertThatThrownBy(() -> FieldType.TIME.check("at", Instant.ofEpochSecond(1, 5)))
                .hasMessageContaining("TIME carries whole seconds");
    }

    @Test
    void writesTaskIdsAsThreeSignedInts() {
        WireMessage end = WireMessage.builder(MessageLayouts.END_TASK_IND).set("invokeId", 7L).set("mrdId", 5000)
                .set("icmAgentId", 6420).set("taskId", new TaskId(-1, 2, 3)).set("disposition", 38).build();
        byte[] frame = codec.encode(end, TagWidth.ONE_BYTE);
        assertThat(ByteDump.hex(frame)).isEqualTo("00 00 00 1a 00 00 00 a9 00 00 00 07 00 00 13 88 00 00 19 14 "
                + "ff ff ff ff 00 00 00 02 00 00 00 03 00 26");
        assertThat(codec.decode(frame, TagWidth.ONE_BYTE).get("taskId")).isEqualTo(new TaskId(-1, 2, 3));
    }
}
