package dev.agentavailability.listener.arm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentavailability.contract.arm.ArmEvent;
import dev.agentavailability.contract.arm.ArmFields;
import dev.agentavailability.contract.arm.ArmMessage;
import dev.agentavailability.contract.wire.ArmWireMapping;
import dev.agentavailability.contract.wire.ByteDump;
import dev.agentavailability.contract.wire.CtiCodec;
import dev.agentavailability.contract.wire.TagWidth;
import dev.agentavailability.listener.agent.ArmRequest;
import dev.agentavailability.listener.agent.SentRequests;
import dev.agentavailability.rest.ProblemException;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class ArmInputTest {

    private static final String LOGIN_DUMP =
            "0 0 0 27 0 0 0 -105 0 2 8 1 0 0 19 -120 0 0 19 -87 0 0 0 0 0 0 0 1 107 5 49 48 48 53 0";
    private static final String ROUTABLE_DUMP = "0 0 0 16 0 0 0 -102 0 1 57 43 0 0 19 -120 0 0 25 20 0 0 0 2";

    private final SentRequests sent = new SentRequests();
    private final ArmInput input = new ArmInput(sent);
    private final CtiCodec codec = new CtiCodec();

    @Test
    void readsConcatenatedFramesInOrderKeepingTheirInvokeIds() {
        List<ArmRequest> requests = input.frames(concat(ByteDump.parse(LOGIN_DUMP), ByteDump.parse(ROUTABLE_DUMP)),
                TagWidth.ONE_BYTE);

        assertThat(requests).containsExactly(
                new ArmRequest(ArmMessage.MEDIA_LOGIN_REQ, 133_121L, 5033, 5000,
                        ArmFields.mediaLogin(0, false, 1, "1005")),
                new ArmRequest(ArmMessage.MAKE_AGENT_ROUTABLE_IND, 80_171L, 6420, 5000, ArmFields.maxTasks(2)));
    }

    @Test
    void aResponseTakesItsAgentFromTheRequestItEchoesInTheSameBodyOrPublishedBefore() {
        byte[] response = encode(ArmMessage.MEDIA_LOGIN_RESP, 133_121, 0, 0, status(0));
        List<ArmRequest> requests = input.frames(concat(ByteDump.parse(LOGIN_DUMP), response), TagWidth.ONE_BYTE);
        assertThat(requests.get(1)).isEqualTo(new ArmRequest(ArmMessage.MEDIA_LOGIN_RESP, 133_121L, 5033, 5000,
                status(0)));

        sent.remember(ArmEvent.of(ArmMessage.CHANGE_MAX_TASK_LIMIT_REQ, Instant.now(), 77, 5000, 6420,
                ArmFields.maxTaskLimit(3), "test"));
        assertThat(input.frames(encode(ArmMessage.CHANGE_MAX_TASK_LIMIT_RESP, 77, 0, 0, status(0)), TagWidth.ONE_BYTE))
                .extracting(ArmRequest::icmAgentId).containsExactly(6420);

        problem(() -> input.frames(encode(ArmMessage.CHANGE_MAX_TASK_LIMIT_RESP, 78, 0, 0, status(0)),
                TagWidth.ONE_BYTE), 400, "frame 0 (body bytes 0..15): CHANGE_MAX_TASK_LIMIT_RESP echoes invoke id 78, "
                + "which no request the listener published carries; give its mrdId and icmAgentId (JSON form)");
    }

    @Test
    void badFramesAreBadRequestsNamingFrameAndOffset() {
        problem(() -> input.frames(new byte[0], TagWidth.ONE_BYTE), 400, "the body holds no CTI frame");
        problem(() -> input.frames(concat(ByteDump.parse(ROUTABLE_DUMP), new byte[] {0, 0, 0}), TagWidth.ONE_BYTE),
                400, "frame 1 (body bytes 24..26): offset 0: frame of 3 bytes is shorter than the 8-byte header");
        problem(() -> input.frames(ByteDump.parse("0 0 0 0 0 0 0 30"), TagWidth.ONE_BYTE), 400,
                "frame 0 (body bytes 0..7): offset 4: unknown message type 30");
        problem(() -> input.frames(ByteDump.parse(LOGIN_DUMP), TagWidth.TWO_BYTES), 400,
                "frame 0 (body bytes 0..34): offset 28: tag 27397 is not a floating field of MEDIA_LOGIN_REQ");
        problem(() -> input.frames(ByteDump.parse("0 0 0 12 0 0 0 -102 0 1 57 43 0 0 19 -120 0 0 0 0"),
                TagWidth.ONE_BYTE), 400, "frame 0 (body bytes 0..19): offset 8: fixed part of MAKE_AGENT_ROUTABLE_IND "
                + "needs 16 bytes, 12 remain");
    }

    @Test
    void aFrameThatDecodesButIsNoValidEventIsABadRequest() {
        byte[] noAgent = encode(ArmMessage.MAKE_AGENT_ROUTABLE_IND, 1, 5000, 0, ArmFields.maxTasks(2));
        problem(() -> input.frames(noAgent, TagWidth.ONE_BYTE), 400,
                "frame 0 (body bytes 0..23): icmAgentId must be a positive ICM agent id, was 0");
    }

    @Test
    void readsLogTextRecordsAndPastedLines() {
        String text = "2019-08-19 13:34:09.773 GMT+0000 <@> INFO <@> x <@> "
                + "com.ipcc.listener.AgentAvailabilityStatusHandler <@> <@>\n"
                + "AgentAvailabilityStatusHandler:agentIsAvailable() MAKE_AGENT_ROUTABLE_IND to ARM\n"
                + "2019-08-19 13:34:09.773 GMT+0000 <@> INFO <@> x <@> com.ipcc.listener.arm.ARMLogger <@> <@> "
                + "Sending MAKE_AGENT_ROUTABLE_IND -> " + ROUTABLE_DUMP + " <@>\n";
        assertThat(input.logText(text, TagWidth.ONE_BYTE)).extracting(ArmRequest::invokeId).containsExactly(80_171L);

        String pasted = "Sending MEDIA_LOGIN_REQ -> " + LOGIN_DUMP + "\n"
                + "Sending MAKE_AGENT_ROUTABLE_IND -> " + ROUTABLE_DUMP;
        assertThat(input.logText(pasted, TagWidth.ONE_BYTE)).extracting(ArmRequest::message)
                .containsExactly(ArmMessage.MEDIA_LOGIN_REQ, ArmMessage.MAKE_AGENT_ROUTABLE_IND);
    }

    @Test
    void badLogTextIsABadRequest() {
        problem(() -> input.logText("no frame here", TagWidth.ONE_BYTE), 400,
                "no 'Sending NAME -> bytes' or 'Received NAME -> bytes' in the text");
        problem(() -> input.logText("Sending MAKE_AGENT_ROUTABLE_IND -> 0 0 x", TagWidth.ONE_BYTE), 400,
                "frame 0 (line 1): bytes: token 3 'x': ");
        problem(() -> input.logText("Sending MAKE_AGENT_READY_IND -> " + ROUTABLE_DUMP, TagWidth.ONE_BYTE), 400,
                "frame 0 (MAKE_AGENT_READY_IND, line 1): offset 4: logged as MAKE_AGENT_READY_IND but the frame is "
                        + "type 154 (MAKE_AGENT_ROUTABLE_IND)");
    }

    @Test
    void jsonTakesTheNumberingOfTheMessageKind() {
        ArmRequest indication = input.json(new ArmJsonMessage(ArmMessage.MAKE_AGENT_READY_IND, null, null, 5000, 6420,
                ArmFields.makeRoutable(true))).get(0);
        assertThat(indication.invokeId()).isNull();
        ArmRequest advisory = input.json(new ArmJsonMessage(ArmMessage.AGENT_MADE_NOT_ROUTABLE_EVENT, 170, null, 5000,
                6420, null)).get(0);
        assertThat(advisory.invokeId()).isZero();
        assertThat(advisory.fields()).isEqualTo(ArmFields.NONE);

        problem(() -> input.json(new ArmJsonMessage(ArmMessage.AGENT_MADE_NOT_ROUTABLE_EVENT, null, 5L, 5000, 6420,
                null)), 400, "message 0 (AGENT_MADE_NOT_ROUTABLE_EVENT): AGENT_MADE_NOT_ROUTABLE_EVENT carries no "
                + "invokeId on the wire; leave it out");
        problem(() -> input.json(new ArmJsonMessage(ArmMessage.APP_PATH_DOMAIN_STATUS_EVENT, null, null, 5000, 6420,
                ArmFields.domainStatus(5001, true))), 400, "message 0 (APP_PATH_DOMAIN_STATUS_EVENT): "
                + "APP_PATH_DOMAIN_STATUS_EVENT concerns a whole MRD, so icmAgentId must be 0, was 6420");
        problem(() -> input.json(new ArmJsonMessage(ArmMessage.MAKE_AGENT_ROUTABLE_IND, null, null, 5000, 6420,
                ArmFields.makeRoutable(true))), 400, "message 0 (MAKE_AGENT_ROUTABLE_IND): "
                + "MAKE_AGENT_ROUTABLE_IND needs fields.maxTasks");
        problem(() -> input.json(new ArmJsonMessage(ArmMessage.MAKE_AGENT_ROUTABLE_IND, null, null, 5000, 6420,
                new ArmFields(null, null, null, "1005", 2L, null, null, null, null, null, null, null, null))), 400,
                "message 0 (MAKE_AGENT_ROUTABLE_IND): MAKE_AGENT_ROUTABLE_IND has no wire field for fields.agentInfo");
    }

    private byte[] encode(ArmMessage message, long invokeId, int mrd, int agent, ArmFields fields) {
        return codec.encode(ArmWireMapping.toWire(ArmEvent.of(message, Instant.now(), invokeId, mrd, agent, fields,
                "test")), TagWidth.ONE_BYTE);
    }

    private static ArmFields status(long status) {
        return new ArmFields(null, null, null, null, null, null, null, null, null, status, null, null, null);
    }

    private static byte[] concat(byte[]... frames) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] frame : frames) {
            out.writeBytes(frame);
        }
        return out.toByteArray();
    }

    private static void problem(ThrowingCallable call, int status, String detailStart) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.problem().getStatus()).isEqualTo(status);
            assertThat(e.problem().getDetail()).startsWith(detailStart);
        });
    }
}
