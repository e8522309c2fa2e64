package dev.agentavailability.contract.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentavailability.contract.wire.ArmFrameLine.Direction;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListenerLogRecordTest {

    private static final String PREFIX = "2019-08-19 13:34:09.773 GMT+0000 <@> INFO <@> [8938:arm-request-executor::-441]"
            + " <@> ProcessId:5436 <@> PID:1 <@> UID:12 <@> HttpSessionId: <@> com.ipcc.listener.arm.ARMLogger <@> <@> ";

    @Test
    void splitsRecordsAtTimestampsAndJoinsWrappedLines() {
        List<ListenerLogRecord> records = ListenerLogRecord.records(CtiCodecGoldenTest.SCENARIO_LOG);

        assertThat(records).hasSize(3);
        ListenerLogRecord wrapped = records.get(0);
        assertThat(wrapped.firstLineNumber()).isEqualTo(1);
        assertThat(wrapped.lastLineNumber()).isEqualTo(5);
        assertThat(wrapped.at()).isEqualTo(Instant.parse("2019-07-20T18:27:31.749Z"));
        assertThat(wrapped.fields()).hasSize(10).startsWith("2019-07-20 18:27:31.749 GMT+0000", "INFO");
        assertThat(wrapped.fields().get(7)).isEqualTo("com.ipcc.listener.arm.ARMLogger");
        assertThat(wrapped.message()).startsWith("Sending MEDIA_LOGIN_REQ -> 0 0 0 27").endsWith("0 0 0 1 107 5 49 48 48 53 0");

        ListenerLogRecord handler = records.get(1);
        assertThat(handler.firstLineNumber()).isEqualTo(6);
        assertThat(handler.lastLineNumber()).isEqualTo(9);
        assertThat(handler.isFrame()).isFalse();
        assertThat(handler.frame()).isEmpty();
        assertThat(handler.message()).startsWith("AgentAvailabilityStatusHandler:agentIsAvailable()");

        assertThat(records.get(2).firstLineNumber()).isEqualTo(10);
        assertThat(records.get(2).isFrame()).isTrue();
    }

    @Test
    void parsesAPastedFragment() {
        ArmFrameLine frame = ListenerLogRecord.parseFrame(
                "Sending MAKE_AGENT_ROUTABLE_IND -> 0 0 0 16 0 0 0 -102 0 1 57 43 0 0 19 -120 0 0 25 20 0 0 0 2");

        assertThat(frame.at()).isNull();
        assertThat(frame.direction()).isEqualTo(Direction.SENDING);
        assertThat(frame.name()).isEqualTo("MAKE_AGENT_ROUTABLE_IND");
        assertThat(frame.firstLineNumber()).isEqualTo(1);
        assertThat(frame.bytes()).isEqualTo(ByteDump.parse(CtiCodecGoldenTest.MAKE_AGENT_ROUTABLE_IND_DUMP));
        assertThat(frame.decode(new CtiCodec(), TagWidth.ONE_BYTE).get("maxTasks")).isEqualTo(2L);
    }

    @Test
    void parsesAFragmentThatWrapsOrCarriesItsRecord() {
        ArmFrameLine wrapped = ListenerLogRecord.parseFrame("<@> Sending MEDIA_LOGIN_REQ -> 0 0 0 27 0 0 0 -105 "
                + "0 2 8 1 0 0 19 -120 0 0 19 -87 0 0 0 0 0 0 0\n1 107 5 49 48 48 53 0 <@>");
        assertThat(wrapped.bytes()).isEqualTo(ByteDump.parse(CtiCodecGoldenTest.MEDIA_LOGIN_REQ_DUMP));

        ArmFrameLine received = ListenerLogRecord.parseFrame(PREFIX + "Received MEDIA_LOGIN_RESP -> "
                + "00 00 00 08 00 00 00 98 00 02 08 01 00 00 00 00 <@>");
        assertThat(received.direction()).isEqualTo(Direction.RECEIVED);
        assertThat(received.at()).isEqualTo(Instant.parse("2019-08-19T13:34:09.773Z"));
        WireMessage response = received.decode(new CtiCodec(), TagWidth.ONE_BYTE);
        assertThat(response.fields()).containsEntry("invokeId", 133_121L).containsEntry("status", 0L);
    }

    @Test
    void refusesAFragmentWithoutAFrameOrWithBadBytes() {
        assertThatThrownBy(() -> ListenerLogRecord.parseFrame("MAKE_AGENT_ROUTABLE_IND to ARM"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no 'Sending NAME -> bytes' or 'Received NAME -> bytes' in the text");
        assertThatThrownBy(() -> ListenerLogRecord.parseFrame("Sending MEDIA_LOGIN_REQ -> 0 0 zero"))
                .isInstanceOf(ByteDumpException.class)
                .hasMessage("token 3 'zero': not a decimal byte");
        assertThatThrownBy(() -> ListenerLogRecord.parseFrame("Sending MEDIA_LOGIN_REQ -> <@>"))
                .hasMessage("MEDIA_LOGIN_REQ has no bytes after '->'");
    }

    @Test
    void countsOtherRecordsAndReportsABrokenFrameWithItsLineNumber() {
        String log = String.join("\n",
                "=====",
                PREFIX + "Sending MAKE_AGENT_READY_IND -> 0 0 0 14 0 0 0 -99 0 1 57 44 0 0 19 -120 0 0 25 20 0 1 <@>",
                "2019-08-19 13:34:09.780 GMT+0000 <@> INFO <@> [t] <@> ProcessId:5436 <@> PID:1 <@> UID:12 <@>"
                        + " HttpSessionId: <@> com.ipcc.listener.PRINT_STATE <@> <@> PRINT_STATE agent 6420",
                "  state NOT_ACTIVE <@>",
                "",
                PREFIX + "Sending MAKE_AGENT_READY_IND -> 0 0 0 14 0 0 0 -99 0 1 57",
                "44 0 0 19 -120 0 0 25 20 0 one <@>",
                "2019-08-19 15:34:09.841+0200 <@> INFO <@> [t] <@> Received MEDIA_LOGIN_RESP -> 0 0 0 8 0 0 0 -104 0 2 8"
                        + " 1 0 0 0 0 <@>");

        ListenerLogRecord.Scan scan = ListenerLogRecord.scan(log);

        assertThat(scan.notFrames()).isEqualTo(2); // the headless "=====" and the PRINT_STATE record
        assertThat(scan.frames()).extracting(ArmFrameLine::name, ArmFrameLine::firstLineNumber)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("MAKE_AGENT_READY_IND", 2),
                        org.assertj.core.groups.Tuple.tuple("MEDIA_LOGIN_RESP", 8));
        assertThat(scan.frames().get(1).at()).isEqualTo(Instant.parse("2019-08-19T13:34:09.841Z"));
        assertThat(scan.errors()).hasSize(1);
        assertThat(scan.errors().get(0).lineNumber()).isEqualTo(6);
        assertThat(scan.errors().get(0)).hasToString(
                "line 6: bytes of the frame record: token 22 'one': not a decimal byte");
        WireMessage ready = scan.frames().get(0).decode(new CtiCodec(), TagWidth.ONE_BYTE);
        assertThat(ready.fields()).containsEntry("invokeId", 80_172L).containsEntry("makeRoutable", true);
    }

    @Test
    void reportsAFrameWhoseRecordStartIsMissing() throws Exception {
        String log = "0 0 0 27\n<@> Sending MAKE_AGENT_ROUTABLE_IND -> 0 0 0 16 0 0 0 -102 0 1 57 43 0 0 19 -120 0 0 "
                + "25 20 0 0 0 2 <@>\n" + CtiCodecGoldenTest.SCENARIO_LOG;

        ListenerLogRecord.Scan scan = ListenerLogRecord.scan(new StringReader(log));

        assertThat(scan.errors()).extracting(ListenerLogRecord.LineError::toString)
                .containsExactly("line 1: frame record has no timestamp (its start is missing)");
        assertThat(scan.frames()).extracting(ArmFrameLine::firstLineNumber).containsExactly(3, 12);
        assertThat(scan.notFrames()).isEqualTo(1);
    }

    @Test
    void aFrameWhoseNameDisagreesWithItsTypeIsAFrameFault() {
        ArmFrameLine mislabelled = ListenerLogRecord.parseFrame(
                "Sending MAKE_AGENT_READY_IND -> " + CtiCodecGoldenTest.MAKE_AGENT_ROUTABLE_IND_DUMP);
        assertThatThrownBy(() -> mislabelled.decode(new CtiCodec(), TagWidth.ONE_BYTE))
                .isInstanceOf(FrameException.class)
                .hasMessage("offset 4: logged as MAKE_AGENT_READY_IND but the frame is type 154 "
                        + "(MAKE_AGENT_ROUTABLE_IND)");
    }

    @Test
    void readsTimestampsWithTheirZone() {
        assertThat(ListenerLogRecord.timestamp("2019-07-20 18:27:31.749 GMT+0000 <@> INFO"))
                .contains(Instant.parse("2019-07-20T18:27:31.749Z"));
        assertThat(ListenerLogRecord.timestamp("2019-07-20 18:27:31.749 GMT-05:30 x"))
                .contains(Instant.parse("2019-07-20T23:57:31.749Z"));
        assertThat(ListenerLogRecord.timestamp("2019-07-20 18:27:31 GMT")).contains(Instant.parse("2019-07-20T18:27:31Z"));
        assertThat(ListenerLogRecord.timestamp("2019-13-20 18:27:31.749 GMT+0000")).isEmpty();
        assertThat(ListenerLogRecord.timestamp("<@> PID:1")).isEmpty();
    }

    @Test
    void framesCompareByContent() {
        ArmFrameLine a = ListenerLogRecord.parseFrame("Sending X -> 1 2 3");
        ArmFrameLine b = ListenerLogRecord.parseFrame("Sending X -> 01 02 03");
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a.toString()).isEqualTo("line 1 SENDING X -> 1 2 3");
    }

    @Test
    void findsEveryFrameOfPastedLinesWithoutTimestamps() {
        String pasted = "Sending MEDIA_LOGIN_REQ -> " + CtiCodecGoldenTest.MEDIA_LOGIN_REQ_DUMP + "\n"
                + "Sending MAKE_AGENT_ROUTABLE_IND -> " + CtiCodecGoldenTest.MAKE_AGENT_ROUTABLE_IND_DUMP + " <@>\n";
        List<ListenerLogRecord> records = ListenerLogRecord.records(pasted);
        assertThat(records).hasSize(1);

        List<ArmFrameLine> frames = records.get(0).frames();

        assertThat(frames).extracting(ArmFrameLine::name)
                .containsExactly("MEDIA_LOGIN_REQ", "MAKE_AGENT_ROUTABLE_IND");
        assertThat(frames.get(0).bytes()).isEqualTo(ByteDump.parse(CtiCodecGoldenTest.MEDIA_LOGIN_REQ_DUMP));
        assertThat(frames.get(1).bytes()).isEqualTo(ByteDump.parse(CtiCodecGoldenTest.MAKE_AGENT_ROUTABLE_IND_DUMP));
        assertThat(frames).allSatisfy(frame -> assertThat(frame.at()).isNull());
    }

    @Test
    void aRecordCarriesTheSameFrameThroughFrameAndFrames() {
        List<ListenerLogRecord> records = ListenerLogRecord.records(CtiCodecGoldenTest.SCENARIO_LOG);
        assertThat(records.get(0).frames()).containsExactly(records.get(0).frame().orElseThrow());
        assertThat(records.get(1).frames()).isEmpty();
        assertThatThrownBy(() -> ListenerLogRecord.records("Sending A -> Sending B -> 1 2").get(0).frames())
                .isInstanceOf(ByteDumpException.class)
                .hasMessage("A has no bytes after '->'");
    }
}
