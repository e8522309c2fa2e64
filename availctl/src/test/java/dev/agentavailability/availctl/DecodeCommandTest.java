package dev.agentavailability.availctl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** availctl decode on the golden dumps of arm-reference.md §1.3 and the log records of scenarios.md. */
class DecodeCommandTest {

    // arm-reference.md §1.3, signed decimal as the ECE listener logs them
    static final String LOGIN_SIGNED =
            "0 0 0 27 0 0 0 -105 0 2 8 1 0 0 19 -120 0 0 19 -87 0 0 0 0 0 0 0 1 107 5 49 48 48 53 0";
    static final String ROUTABLE_SIGNED = "0 0 0 16 0 0 0 -102 0 1 57 43 0 0 19 -120 0 0 25 20 0 0 0 2";
    // the same, in the hex of arm-reference.md §1.3
    static final String LOGIN_HEX =
            "00 00 00 1b 00 00 00 97 00 02 08 01 00 00 13 88 00 00 13 a9 00 00 00 00 00 00 00 01 6b 05 31 30 30 35 00";
    static final String ROUTABLE_HEX = "00 00 00 10 00 00 00 9a 00 01 39 2b 00 00 13 88 00 00 19 14 00 00 00 02";

    // scenarios.md, "ECE listener log records": the MEDIA_LOGIN_REQ record wraps over five lines
    static final String LOGIN_RECORD = """
            2019-07-20 18:27:31.749 GMT+0000 <@> INFO <@> [14285:listener-event-pool-priority-arm-request-executor::-0] <@> ProcessId:4584
            <@> PID:1 <@> UID:1005 <@> HttpSessionId:IrltMMd3T0prrkbhAwK8wkL5 <@>
            com.ipcc.listener.arm.ARMLogger <@>
            <@> Sending MEDIA_LOGIN_REQ -> 0 0 0 27 0 0 0 -105 0 2 8 1 0 0 19 -120 0 0 19 -87 0 0 0 0 0 0 0
            1 107 5 49 48 48 53 0 <@>
            """;
    static final String ROUTABLE_RECORDS = """
            2019-08-19 13:34:09.773 GMT+0000 <@> INFO <@> [8938:listener-event-pool-priority-arm-request-executor::-441] <@> ProcessId:5436 <@> PID:1 <@> UID:12 <@> HttpSessionId: <@> com.ipcc.listener.AgentAvailabilityStatusHandler <@> <@>
            AgentAvailabilityStatusHandler:agentIsAvailable() MAKE_AGENT_ROUTABLE_IND to ARM
            armLoginDataArraySize= ARMAgentData
            =====
            2019-08-19 13:34:09.773 GMT+0000 <@> INFO <@> [8938:listener-event-pool-priority-arm-request-executor::-441] <@> ProcessId:5436 <@> PID:1 <@> UID:12 <@> HttpSessionId: <@> com.ipcc.listener.arm.ARMLogger <@> <@> Sending MAKE_AGENT_ROUTABLE_IND -> 0 0 0 16 0 0 0 -102 0 1 57 43 0 0 19 -120 0 0 25 20 0 0 0 2 <@>
            """;
    static final String ROUTABLE_LOG_LINE = ROUTABLE_RECORDS.lines().reduce((first, second) -> second).orElseThrow();

    @Test
    void routableDumpAsUnquotedSignedDecimalArguments() {
        Cli.Result result = Cli.run(args("decode", ROUTABLE_SIGNED.split(" ")));

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).isEmpty();
        assertRoutable(result.single());
        assertThat(result.single().has("direction")).isFalse();
        assertThat(result.single().has("at")).isFalse();
    }

    @Test
    void routableDumpAsOneHexArgument() {
        Cli.Result result = Cli.run("decode", ROUTABLE_HEX);

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertRoutable(result.single());
    }

    @Test
    void routableDumpAsUnsignedDecimal() {
        Cli.Result result = Cli.run("decode", "0 0 0 16 0 0 0 154 0 1 57 43 0 0 19 136 0 0 25 20 0 0 0 2");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertRoutable(result.single());
    }

    @Test
    void loginDumpAsSignedDecimal() {
        Cli.Result result = Cli.run("decode", LOGIN_SIGNED);

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertLogin(result.single());
    }

    @Test
    void loginDumpAsHexArguments() {
        Cli.Result result = Cli.run(args("decode", LOGIN_HEX.split(" ")));

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertLogin(result.single());
    }

    @Test
    void routableLogLineAsArgumentCarriesDirectionAndTime() {
        Cli.Result result = Cli.run("decode", ROUTABLE_LOG_LINE);

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode message = result.single();
        assertRoutable(message);
        assertThat(message.path("direction").asText()).isEqualTo("SENDING");
        assertThat(message.path("at").asText()).isEqualTo("2019-08-19T13:34:09.773Z");
    }

    @Test
    void pastedFragmentWithoutTimestampHasDirectionButNoTime() {
        Cli.Result result = Cli.run("decode", "Sending MAKE_AGENT_ROUTABLE_IND -> " + ROUTABLE_SIGNED);

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertRoutable(result.single());
        assertThat(result.single().path("direction").asText()).isEqualTo("SENDING");
        assertThat(result.single().has("at")).isFalse();
    }

    @Test
    void wrappedLoginRecordOnStdin() {
        Cli.Result result = Cli.runWithStdin(LOGIN_RECORD, "decode");

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode message = result.single();
        assertLogin(message);
        assertThat(message.path("direction").asText()).isEqualTo("SENDING");
        assertThat(message.path("at").asText()).isEqualTo("2019-07-20T18:27:31.749Z");
    }

    @Test
    void wrappedLoginRecordAsOneArgument() {
        Cli.Result result = Cli.run("decode", LOGIN_RECORD);

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertLogin(result.single());
    }

    @Test
    void wholeLogOnStdinDecodesEveryFrameRecordAndSkipsTheRest() {
        Cli.Result result = Cli.runWithStdin(LOGIN_RECORD + ROUTABLE_RECORDS, "decode");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).isEmpty();
        List<JsonNode> messages = result.json();
        assertThat(messages).hasSize(2);
        assertLogin(messages.get(0));
        assertRoutable(messages.get(1));
        assertThat(messages.get(1).path("at").asText()).isEqualTo("2019-08-19T13:34:09.773Z");
    }

    @Test
    void byteListOnStdin() {
        Cli.Result result = Cli.runWithStdin(ROUTABLE_HEX + "\n", "decode");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertRoutable(result.single());
    }

    @Test
    void severalQuotedListsAreDecodedOneByOne() {
        Cli.Result result = Cli.run("decode", LOGIN_HEX, ROUTABLE_SIGNED);

        assertThat(result.exitCode()).as(result.err()).isZero();
        List<JsonNode> messages = result.json();
        assertThat(messages).hasSize(2);
        assertLogin(messages.get(0));
        assertRoutable(messages.get(1));
    }

    @Test
    void outputIsIndentedJson() {
        Cli.Result result = Cli.run("decode", ROUTABLE_HEX);

        assertThat(result.out()).startsWith("{\n  \"message\": \"MAKE_AGENT_ROUTABLE_IND\",\n")
                .contains("\n  \"fields\": {\n    \"invokeId\": 80171,\n");
    }

    @Test
    void twoByteTagsReadTheLoginDumpsFloatingPartAsAnUnknownTag() {
        Cli.Result result = Cli.run("decode", "--tag-width", "2", LOGIN_HEX);

        result.failsWithOneLine(ExitCodes.BAD_INPUT, "frame 1: offset 28: tag 27397 is not a floating field of MEDIA_LOGIN_REQ");
    }

    @Test
    void twoByteTagsStillDecodeAMessageWithoutFloatingPart() {
        Cli.Result result = Cli.run("decode", "--tag-width=2", ROUTABLE_HEX);

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertRoutable(result.single());
    }

    @Test
    void aWordAmongTheBytesIsNamedByItsPosition() {
        String[] tokens = ROUTABLE_SIGNED.split(" ");
        tokens[21] = "one";

        Cli.run(args("decode", tokens)).failsWithOneLine(ExitCodes.BAD_INPUT, "token 22 'one'", "not a decimal byte");
    }

    @Test
    void aFloatingFieldLongerThanTheFrameIsNamedWithItsOffset() {
        // the login dump cut by two bytes, MessageLength adjusted: AgentInfo declares 5 bytes, 3 remain
        String cut = "0 0 0 25 0 0 0 -105 0 2 8 1 0 0 19 -120 0 0 19 -87 0 0 0 0 0 0 0 1 107 5 49 48 48";

        Cli.run("decode", cut).failsWithOneLine(ExitCodes.BAD_INPUT,
                "availctl: frame 1: offset 28: floating field tag 107 (AgentInfo) declares 5 bytes but only 3 remain");
    }

    @Test
    void aLengthThatDoesNotMatchTheBytesIsRefused() {
        Cli.run("decode", ROUTABLE_SIGNED + " 7").failsWithOneLine(ExitCodes.BAD_INPUT,
                "frame 1: offset 0: MessageLength 16 does not match the 17 bytes after the header");
    }

    @Test
    void anUnknownMessageTypeIsRefused() {
        Cli.run("decode", "0 0 0 0 0 0 0 99").failsWithOneLine(ExitCodes.BAD_INPUT, "offset 4: unknown message type 99");
    }

    @Test
    void aLogLineNamingAnotherMessageThanItsBytesIsRefused() {
        Cli.run("decode", "Sending MEDIA_LOGIN_REQ -> " + ROUTABLE_SIGNED).failsWithOneLine(ExitCodes.BAD_INPUT,
                "offset 4: logged as MEDIA_LOGIN_REQ but the frame is type 154 (MAKE_AGENT_ROUTABLE_IND)");
    }

    @Test
    void aBrokenRecordInALogIsReportedWithItsLineAndTheOthersAreStillDecoded() {
        String broken = ROUTABLE_RECORDS.replace("25 20 0 0 0 2", "25 20 0 0 0 two");

        Cli.Result result = Cli.runWithStdin(LOGIN_RECORD + broken, "decode");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertLogin(result.single());
        assertThat(result.err()).isEqualTo("availctl: frame 2 (line 10): token 24 'two': not a decimal byte\n");
    }

    @Test
    void logTextWithoutFrameRecordsIsRefused() {
        String handlerOnly = ROUTABLE_RECORDS.lines().limit(4).reduce("", (a, b) -> a + b + "\n");

        Cli.runWithStdin(handlerOnly, "decode").failsWithOneLine(ExitCodes.BAD_INPUT,
                "no 'Sending NAME -> bytes' or 'Received NAME -> bytes' record");
    }

    @Test
    void emptyStdinIsRefused() {
        Cli.runWithStdin("  \n", "decode").failsWithOneLine(ExitCodes.BAD_INPUT, "no input");
    }

    @Test
    void aBadTagWidthIsAUsageError() {
        Cli.Result result = Cli.run("decode", "--tag-width", "3", ROUTABLE_HEX);

        assertThat(result.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(result.err()).contains("'3' is not a tag width; use 1 or 2").contains("Usage: availctl decode");
        assertThat(result.out()).isEmpty();
        result.assertNoStackTrace();
    }

    @Test
    void anUnknownFormatIsAUsageError() {
        Cli.Result result = Cli.run("decode", "--format", "xml", ROUTABLE_HEX);

        assertThat(result.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(result.err()).contains("'xml' is not a format; use json").contains("Usage: availctl decode");
    }

    @Test
    void formatJsonIsAccepted() {
        Cli.Result result = Cli.run("decode", "--format", "JSON", ROUTABLE_HEX);

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertRoutable(result.single());
    }

    @Test
    void aLeadingNegativeByteIsAnInputNotAnOption() {
        // MessageType -1 (0xffffffff) is not a message; what matters is that picocli does not take -1 for an option
        Cli.run("decode", "0", "0", "0", "0", "-1", "-1", "-1", "-1")
                .failsWithOneLine(ExitCodes.BAD_INPUT, "unknown message type 4294967295");
    }

    static void assertRoutable(JsonNode message) {
        assertThat(message.path("message").asText()).isEqualTo("MAKE_AGENT_ROUTABLE_IND");
        assertThat(message.path("messageType").asInt()).isEqualTo(154);
        assertThat(message.path("provenance").asText()).isEqualTo("CONFIRMED");
        JsonNode fields = message.path("fields");
        assertThat(fields.size()).isEqualTo(4);
        assertThat(fields.path("invokeId").asLong()).isEqualTo(80171);
        assertThat(fields.path("mrdId").asInt()).isEqualTo(5000);
        assertThat(fields.path("icmAgentId").asInt()).isEqualTo(6420);
        assertThat(fields.path("maxTasks").asLong()).isEqualTo(2);
        assertThat(message.path("floating").isArray()).isTrue();
        assertThat(message.path("floating").size()).isZero();
    }

    static void assertLogin(JsonNode message) {
        assertThat(message.path("message").asText()).isEqualTo("MEDIA_LOGIN_REQ");
        assertThat(message.path("messageType").asInt()).isEqualTo(151);
        assertThat(message.path("provenance").asText()).isEqualTo("CONFIRMED");
        JsonNode fields = message.path("fields");
        assertThat(fields.path("invokeId").asLong()).isEqualTo(133121);
        assertThat(fields.path("mrdId").asInt()).isEqualTo(5000);
        assertThat(fields.path("icmAgentId").asInt()).isEqualTo(5033);
        assertThat(fields.path("agentMode").asInt()).isZero();
        assertThat(fields.path("isAvailable").isBoolean()).isTrue();
        assertThat(fields.path("isAvailable").asBoolean()).isFalse();
        assertThat(fields.path("maxTaskLimit").asLong()).isEqualTo(1);
        JsonNode floating = message.path("floating");
        assertThat(floating.size()).isEqualTo(1);
        assertThat(floating.get(0).path("tag").asInt()).isEqualTo(107);
        assertThat(floating.get(0).path("name").asText()).isEqualTo("agentInfo");
        assertThat(floating.get(0).path("wireName").asText()).isEqualTo("AgentInfo");
        assertThat(floating.get(0).path("value").asText()).isEqualTo("1005");
    }

    static String[] args(String first, String... rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
