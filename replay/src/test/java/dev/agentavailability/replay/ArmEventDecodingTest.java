package dev.agentavailability.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.agentavailability.contract.ContractJson;
import dev.agentavailability.contract.Decoded;
import dev.agentavailability.contract.arm.ArmEvent;
import dev.agentavailability.contract.arm.ArmEventJson;
import dev.agentavailability.contract.arm.ArmFields;
import dev.agentavailability.contract.arm.ArmMessage;
import dev.agentavailability.contract.arm.TaskId;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Replay reads agent events with {@link ArmEventJson#read(ByteBuffer)} and {@link ArmEventJson#read(byte[])}, which
 * take shortcuts (a reader for the compact JSON {@link ArmEventJson#write} produces, its own ISO instant reader).
 * Whatever the text, the result must be what plain Jackson ({@link ContractJson#mapper()}) and the structural checks give: the same event, or the same fault.
 */
class ArmEventDecodingTest {

    private static final Method FAULT;
    private static final Method COMPACT;

    static {
        try {
            FAULT = ArmEventJson.class.getDeclaredMethod("fault", ArmEvent.class);
            FAULT.setAccessible(true);
            Class<?> compact = Class.forName(ArmEventJson.class.getPackageName() + ".CompactArmReader");
            COMPACT = compact.getDeclaredMethod("read", byte[].class, int.class, int.class);
            COMPACT.setAccessible(true);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @Test
    void everyWrittenEventIsReadBackByTheCompactReaderAsJacksonReadsIt() throws Exception {
        List<ArmEvent> events = corpus(new Random(7));
        for (ArmEvent event : events) {
            String json = ArmEventJson.write(event);
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            assertThat(COMPACT.invoke(null, bytes, 0, bytes.length)).as(json).isEqualTo(event);
            assertSame(json); // valid, or refused by the checks (a message without the fields it needs)
        }
        assertThat(events).hasSizeGreaterThan(400); // every message with 16 field sets
    }

    @Test
    void variantsAndFaultsAreReadAsJacksonReadsThem() throws Exception {
        String valid = ArmEventJson.write(ArmEvent.of(ArmMessage.MEDIA_LOGIN_REQ,
                Instant.parse("2019-08-19T13:34:09.773Z"), 80171, 5000, 6420, ArmFields.mediaLogin(1, true, 2, "6420"),
                "listener-service"));
        String task = ArmEventJson.write(ArmEvent.of(ArmMessage.START_TASK_IND,
                Instant.parse("2019-08-19T13:34:09Z"), 1, 5000, 6420, ArmFields.task(new TaskId(1, 2, 3)), "t"));
        List<String> texts = new ArrayList<>(List.of(valid, task, "", " ", "\t\n", "{}", "{", "}", "[]", "null", "1",
                "\"x\"", "{not json", "{\"schemaVersion\":1}", valid + " ", " " + valid, valid + "x", valid + "{}",
                valid.replace("{\"", "{ \""), valid.replace(":", " : "), valid.replace(",", ",\n"),
                valid.replace("\"mrdId\":5000", "\"mrdId\":\"5000\""),
                valid.replace("\"mrdId\":5000", "\"mrdId\":5000.0"),
                valid.replace("\"mrdId\":5000", "\"mrdId\":5e3"),
                valid.replace("\"mrdId\":5000", "\"mrdId\":05000"),
                valid.replace("\"mrdId\":5000", "\"mrdId\":-0"),
                valid.replace("\"mrdId\":5000", "\"mrdId\":-5000"),
                valid.replace("\"mrdId\":5000", "\"mrdId\":2147483647"),
                valid.replace("\"mrdId\":5000", "\"mrdId\":2147483648"),
                valid.replace("\"mrdId\":5000", "\"mrdId\":-2147483648"),
                valid.replace("\"mrdId\":5000", "\"mrdId\":99999999999999999999"),
                valid.replace("\"mrdId\":5000", "\"mrdId\":null"),
                valid.replace("\"mrdId\":5000", "\"mrdId\":true"),
                valid.replace("\"mrdId\":5000,", ""),
                valid.replace("\"mrdId\":5000", "\"mrdId\":5000,\"mrdId\":5001"),
                valid.replace("\"mrdId\":5000", "\"mrdId\":5000,\"unknown\":{\"a\":[1,2]}"),
                valid.replace("\"invokeId\":80171", "\"invokeId\":999999999999999999"),
                valid.replace("\"invokeId\":80171", "\"invokeId\":9223372036854775807"),
                valid.replace("\"invokeId\":80171", "\"invokeId\":9223372036854775808"),
                valid.replace("\"source\":\"listener-service\"", "\"source\":\"a\\u0062\\\"c\""),
                valid.replace("\"source\":\"listener-service\"", "\"source\":\"caf\u00e9\""),
                valid.replace("\"source\":\"listener-service\"", "\"source\":\"\u2028\""),
                valid.replace("\"source\":\"listener-service\"", "\"source\":null"),
                valid.replace("\"source\":\"listener-service\"", "\"source\":5"),
                valid.replace("\"source\":\"listener-service\"", "\"source\":\"tab\there\""),
                valid.replace("MEDIA_LOGIN_REQ", "MEDIA_LOGOUT_IND"),
                valid.replace("MEDIA_LOGIN_REQ", "media_login_req"),
                valid.replace("\"MEDIA_LOGIN_REQ\"", "151"),
                valid.replace("\"messageType\":151", "\"messageType\":152"),
                valid.replace("\"schemaVersion\":1", "\"schemaVersion\":2"),
                valid.replace("\"icmAgentId\":6420", "\"icmAgentId\":0"),
                valid.replace("\"isAvailable\":true", "\"isAvailable\":\"true\""),
                valid.replace("\"isAvailable\":true", "\"isAvailable\":1"),
                valid.replace("\"isAvailable\":true", "\"isAvailable\":tru"),
                valid.replace("\"isAvailable\":true", "\"isAvailable\":null"),
                valid.replace("\"isAvailable\":true", "\"available\":true"),
                valid.replace("\"agentInfo\":\"6420\"", "\"agentInfo\":6420"),
                valid.replace("\"fields\":{", "\"fields\":{\"extra\":1,"),
                valid.replaceAll("\"fields\":\\{[^}]*\\}", "\"fields\":{}"),
                valid.replaceAll("\"fields\":\\{[^}]*\\}", "\"fields\":null"),
                valid.replaceAll("\"fields\":\\{[^}]*\\}", "\"fields\":[]"),
                valid.replaceAll(",\"fields\":\\{[^}]*\\}", ""),
                task.replace("\"sequence\":3", "\"sequence\":3,\"sequence\":4"),
                task.replace("{\"groupHigh\":1,\"groupLow\":2,\"sequence\":3}", "{}"),
                task.replace("{\"groupHigh\":1,\"groupLow\":2,\"sequence\":3}", "\"1-2-3\""),
                task.replace("{\"groupHigh\":1,\"groupLow\":2,\"sequence\":3}", "{\"sequence\":3,\"groupHigh\":1}")));
        String at = "2019-08-19T13:34:09.773Z";
        for (String time : List.of("2019-08-19T13:34:09Z", "2019-08-19T13:34:09.7Z", "2019-08-19T13:34:09.123456789Z",
                "2019-08-19T13:34:09.1234567891Z", "2019-08-19T13:34:09.Z", "2019-08-19t13:34:09Z",
                "2019-08-19T13:34:09z", "2019-08-19T13:34:09+00:00", "2019-08-19T13:34:09+0000", "2019-08-19T13:34:60Z",
                "2019-08-19T24:00:00Z", "2019-02-29T00:00:00Z", "2020-02-29T00:00:00Z", "2019-13-01T00:00:00Z",
                "2019-00-10T00:00:00Z", "2019-04-31T00:00:00Z", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999Z",
                "+10000-01-01T00:00:00Z", "-0001-01-01T00:00:00Z", "1969-12-31T23:59:59.999999999Z",
                "2019-08-19 13:34:09Z", "2019-08-19T13:34Z", " 2019-08-19T13:34:09Z", "1566221649773", "1566221649.773",
                "2019-08-1９T13:34:09Z", "")) {
            texts.add(valid.replace(at, time));
        }
        texts.add(valid.replace("\"" + at + "\"", "1566221649773"));
        texts.add(valid.replace("\"" + at + "\"", "1566221649.773"));
        texts.add(valid.replace("\"" + at + "\"", "null"));
        String id = valid.replaceAll(".*\"eventId\":\"([^\"]+)\".*", "$1");
        for (String uuid : List.of(id.toUpperCase(), id.replace("-", ""), id.substring(1), "1-2-3-4-5",
                "zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz", "00000000-0000-0000-0000-000000000000",
                "ffffffff-ffff-ffff-ffff-ffffffffffff", "AAAAAAAAAAAAAAAAAAAAAA==")) {
            texts.add(valid.replace(id, uuid));
        }
        texts.add(valid.replace(id, id.replaceFirst("[0-9a-f]", "\u00e9")));
        texts.add(valid.replace(id, id.substring(0, 35) + "g"));
        for (String text : texts) {
            assertSame(text);
        }
        // cut short, with the rest of the event right after it in the buffer: a reader that looked past the value's
        // end would find a whole event there
        for (int cut = 0; cut < valid.length(); cut++) {
            assertSame(valid.substring(0, cut), valid.substring(cut));
        }
    }

    @Test
    void randomlyDamagedEventsAreReadAsJacksonReadsThem() throws Exception {
        Random random = new Random(11);
        List<ArmEvent> events = corpus(random);
        String alphabet = "{}[]\":,.-+0123456789eEtrufalsnZT \\/xq\u00e9";
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder(ArmEventJson.write(events.get(random.nextInt(events.size()))));
            for (int damage = 1 + random.nextInt(3); damage > 0; damage--) {
                int at = random.nextInt(text.length());
                switch (random.nextInt(3)) {
                    case 0 -> text.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
                    case 1 -> text.deleteCharAt(at);
                    default -> text.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                }
            }
            assertSame(text.toString());
        }
    }

    /** String, bytes and a view of a larger buffer give what plain Jackson and the checks give. */
    private static void assertSame(String text) throws Exception {
        assertSame(text, "{\"schemaVersion\":1}");
    }

    /**
     * Also as the Kafka client hands a value to a deserializer: a view of a fetch buffer in which other bytes
     * ({@code following}) come right after it, in the three kinds of view ({@link ArmEventJson#read(ByteBuffer)}).
     */
    private static void assertSame(String text, String following) throws Exception {
        Decoded<ArmEvent> expected = reference(text);
        assertThat(ArmEventJson.read(text)).as(text).isEqualTo(expected);
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        assertThat(ArmEventJson.read(bytes)).as(text).isEqualTo(expected);

        byte[] before = "{\"x\":".getBytes(StandardCharsets.UTF_8);
        byte[] after = following.getBytes(StandardCharsets.UTF_8);
        byte[] buffer = new byte[before.length + bytes.length + after.length];
        System.arraycopy(before, 0, buffer, 0, before.length);
        System.arraycopy(bytes, 0, buffer, before.length, bytes.length);
        System.arraycopy(after, 0, buffer, before.length + bytes.length, after.length);
        ByteBuffer window = ByteBuffer.wrap(buffer, before.length, bytes.length); // position and limit inside
        ByteBuffer slice = window.slice(); // an array offset
        ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length).put(bytes).flip(); // no array at all
        for (ByteBuffer view : List.of(window, slice, direct)) {
            int position = view.position();
            assertThat(ArmEventJson.read(view)).as(text + " in " + view).isEqualTo(expected);
            assertThat(view.position()).isEqualTo(position);
        }
    }

    private static Decoded<ArmEvent> reference(String text) throws Exception {
        if (text.isBlank()) {
            return Decoded.malformed("empty record value");
        }
        ArmEvent event;
        try {
            event = ContractJson.mapper().readValue(text, ArmEvent.class);
        } catch (JsonProcessingException e) {
            return Decoded.malformed(ContractJson.describe(e));
        }
        if (event == null) {
            return Decoded.ok(null); // the JSON text null: a malformed record
        }
        String fault = (String) FAULT.invoke(null, event);
        return fault == null ? Decoded.ok(event) : Decoded.malformed(fault);
    }

    /** Every message with the fields it takes (and all fields at once), at many instants. */
    private static List<ArmEvent> corpus(Random random) {
        List<ArmFields> fields = List.of(ArmFields.NONE, ArmFields.mediaLogin(1, true, 2, "1005"),
                ArmFields.mediaLogin(0, false, 1, ""), ArmFields.maxTasks(2), ArmFields.makeRoutable(true),
                ArmFields.makeRoutable(false), ArmFields.reasonCode(7), ArmFields.task(new TaskId(0, 77, 0)),
                ArmFields.taskEnd(new TaskId(-1, Long.MAX_VALUE, 3), 12), ArmFields.taskEnd(new TaskId(1, 2, 3), null),
                ArmFields.maxTaskLimit(5), ArmFields.interrupt(1), ArmFields.interrupt(null),
                ArmFields.domainStatus(5001, false), ArmFields.disposition(3),
                new ArmFields(1, false, 3L, "x y", 4L, true, -2, new TaskId(5, 6, 7), 8, 0L, 9, 10, true));
        List<ArmEvent> events = new ArrayList<>();
        for (ArmMessage message : ArmMessage.values()) {
            for (ArmFields f : fields) {
                long seconds = random.nextLong() % 253_402_300_799L; // years 1 … 9999
                seconds = Math.abs(seconds) - 62_135_596_800L;
                int nanos = switch (random.nextInt(4)) {
                    case 0 -> 0;
                    case 1 -> random.nextInt(1000) * 1_000_000;
                    case 2 -> random.nextInt(1_000_000) * 1000;
                    default -> random.nextInt(1_000_000_000);
                };
                Instant at = Instant.ofEpochSecond(seconds, nanos);
                int agent = message.isPerAgent() ? 1 + random.nextInt(Integer.MAX_VALUE - 1) : 0;
                events.add(new ArmEvent(ArmEvent.SCHEMA_VERSION, new UUID(random.nextLong(), random.nextLong()),
                        message, message.type(), at, random.nextLong(), 1 + random.nextInt(10_000), agent, f,
                        random.nextBoolean() ? "listener-service" : "import-log"));
            }
        }
        return events;
    }
}
