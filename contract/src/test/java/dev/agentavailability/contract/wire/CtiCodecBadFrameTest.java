package dev.agentavailability.contract.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** One test per fault: the FrameException names the byte offset and the fault. */
class CtiCodecBadFrameTest {

    private static final byte[] LOGIN = ByteDump.parse(CtiCodecGoldenTest.MEDIA_LOGIN_REQ_DUMP);
    private static final byte[] ROUTABLE = ByteDump.parse(CtiCodecGoldenTest.MAKE_AGENT_ROUTABLE_IND_DUMP);

    private final CtiCodec codec = new CtiCodec();

    private FrameException fault(byte[] frame, TagWidth width) {
        Throwable thrown = catchThrowable(() -> codec.decode(frame, width));
        assertThat(thrown).isExactlyInstanceOf(FrameException.class);
        return (FrameException) thrown;
    }

    private FrameException fault(byte[] frame) {
        return fault(frame, TagWidth.ONE_BYTE);
    }

    /** The frame with its MessageLength set to match its size. */
    private static byte[] fixLength(byte[] frame) {
        ByteBuffer.wrap(frame).putInt(0, frame.length - 8);
        return frame;
    }

    @Test
    void frameShorterThanTheHeader() {
        FrameException e = fault(Arrays.copyOf(LOGIN, 5));
        assertThat(e).hasMessage("offset 0: frame of 5 bytes is shorter than the 8-byte header");
        assertThat(e.offset()).isZero();
        assertThat(fault(new byte[0])).hasMessage("offset 0: frame of 0 bytes is shorter than the 8-byte header");
    }

    @Test
    void messageLengthThatDoesNotMatchTheFrame() {
        assertThat(fault(Arrays.copyOf(LOGIN, 28)))
                .hasMessage("offset 0: MessageLength 27 does not match the 20 bytes after the header");
        byte[] huge = LOGIN.clone();
        ByteBuffer.wrap(huge).putInt(0, -1);
        assertThat(fault(huge))
                .hasMessage("offset 0: MessageLength 4294967295 does not match the 27 bytes after the header");
    }

    @Test
    void unknownMessageType() {
        byte[] frame = LOGIN.clone();
        ByteBuffer.wrap(frame).putInt(4, 999);
        FrameException e = fault(frame);
        assertThat(e).hasMessage("offset 4: unknown message type 999");
        assertThat(e.offset()).isEqualTo(4);
        assertThat(e.fault()).isEqualTo("unknown message type 999");
        ByteBuffer.wrap(frame).putInt(4, -2);
        assertThat(fault(frame)).hasMessage("offset 4: unknown message type 4294967294");
    }

    @Test
    void fixedPartCutShort() {
        byte[] frame = fixLength(Arrays.copyOf(ROUTABLE, 17));
        assertThat(fault(frame))
                .hasMessage("offset 8: fixed part of MAKE_AGENT_ROUTABLE_IND needs 16 bytes, 9 remain");
    }

    @Test
    void floatingFieldLongerThanWhatRemains() {
        byte[] frame = fixLength(Arrays.copyOf(LOGIN, 33));
        assertThat(fault(frame))
                .hasMessage("offset 28: floating field tag 107 (AgentInfo) declares 5 bytes but only 3 remain");
    }

    @Test
    void floatingFieldHeaderCutShort() {
        assertThat(fault(fixLength(Arrays.copyOf(LOGIN, 29))))
                .hasMessage("offset 28: floating field header needs 2 bytes (ONE_BYTE), 1 remain");
        byte[] twoByte = fixLength(Arrays.copyOf(LOGIN, 31));
        assertThat(fault(twoByte, TagWidth.TWO_BYTES))
                .hasMessage("offset 28: floating field header needs 4 bytes (TWO_BYTES), 3 remain");
    }

    @Test
    void tagThatIsNotAFloatingFieldOfTheMessage() {
        byte[] frame = LOGIN.clone();
        frame[28] = 99;
        assertThat(fault(frame)).hasMessage("offset 28: tag 99 is not a floating field of MEDIA_LOGIN_REQ");
    }

    @Test
    void frameOverTheCtiMaximum() {
        FrameException e = fault(new byte[13_000]);
        assertThat(e).hasMessage("frame of 13000 bytes exceeds the 12,500-byte CTI maximum");
        assertThat(e.offset()).isEqualTo(FrameException.WHOLE_FRAME);
    }

    @Test
    void stringWithoutItsNul() {
        byte[] frame = LOGIN.clone();
        frame[34] = '6';
        assertThat(fault(frame)).hasMessage("offset 30: AgentInfo is not NUL-terminated");
        byte[] empty = fixLength(new byte[] {0, 0, 0, 0, 0, 0, 0, -105, 0, 2, 8, 1, 0, 0, 19, -120, 0, 0, 19, -87,
                0, 0, 0, 0, 0, 0, 0, 1, 107, 0});
        assertThat(fault(empty)).hasMessage("offset 30: AgentInfo is not NUL-terminated");
    }

    @Test
    void stringWithANulInside() {
        byte[] frame = LOGIN.clone();
        frame[31] = 0;
        assertThat(fault(frame)).hasMessage("offset 31: AgentInfo has a NUL at byte 1 of 5; only the last byte may be NUL");
    }

    @Test
    void boolOtherThanZeroOrOne() {
        byte[] frame = LOGIN.clone();
        frame[23] = 7;
        assertThat(fault(frame)).hasMessage("offset 22: IsAvailable BOOL holds 7; only 0 and 1 are allowed");
    }

    @Test
    void floatingNumberOfTheWrongSize() {
        WireMessage message = WireMessage.builder(MessageLayouts.MEDIA_LOGIN_REQ).set("invokeId", 1L)
                .set("mrdId", 5000).set("icmAgentId", 5033).set("agentMode", 1).set("isAvailable", true)
                .set("maxTaskLimit", 3L).set("maxBeyondTaskLimit", 2L).build();
        byte[] frame = codec.encode(message, TagWidth.TWO_BYTES);
        assertThat(ByteDump.hex(Arrays.copyOfRange(frame, 28, 32))).isEqualTo("01 0a 00 04");
        byte[] shorter = fixLength(Arrays.copyOf(frame, frame.length - 1));
        shorter[31] = 3;
        assertThat(fault(shorter, TagWidth.TWO_BYTES))
                .hasMessage("offset 28: floating field tag 266 (MaxBeyondTaskLimit) declares 3 bytes; a UINT takes 4");
    }

    @Test
    void floatingFieldTwice() {
        byte[] frame = fixLength(Arrays.copyOf(LOGIN, 42));
        System.arraycopy(LOGIN, 28, frame, 35, 7);
        assertThat(fault(frame)).hasMessage("offset 35: floating field tag 107 (AgentInfo) appears twice");
    }

    @Test
    void theWrongTagWidthIsCaughtNotMisread() {
        // read with two-byte tags, the one-byte field 6b 05 31 30 becomes tag 27397
        assertThat(fault(LOGIN, TagWidth.TWO_BYTES))
                .hasMessage("offset 28: tag 27397 is not a floating field of MEDIA_LOGIN_REQ");
    }

    @Test
    void nullFrame() {
        assertThat(fault(null)).hasMessage("no frame (null)");
    }
}
