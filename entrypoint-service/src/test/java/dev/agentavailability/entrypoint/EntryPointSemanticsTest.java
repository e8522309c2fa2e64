package dev.agentavailability.entrypoint;

import static dev.agentavailability.entrypoint.Fixtures.INITIALIZE;
import static dev.agentavailability.entrypoint.Fixtures.body;
import static dev.agentavailability.entrypoint.Fixtures.responseType;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.agentavailability.contract.ContractJson;
import dev.agentavailability.contract.access.Roles;
import dev.agentavailability.contract.availability.AvailabilityCounts;
import dev.agentavailability.contract.availability.MrdAvailability;
import dev.agentavailability.contract.availability.SkillGroupAvailability;
import dev.agentavailability.contract.chat.ChatEventJson;
import dev.agentavailability.contract.chat.ChatEventType;
import dev.agentavailability.contract.topic.Topics;
import dev.agentavailability.entrypoint.queue.ChatQueueView;
import dev.agentavailability.rest.Problem;
import dev.agentavailability.testsupport.KafkaAndPostgresResource;
import dev.agentavailability.testsupport.TestKafka;
import dev.agentavailability.testsupport.TestTopics;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** ECE chat entry point semantics against a real broker and database: scope, queue, business hours, CORS, explain. */
@QuarkusTest
// Runs as admin: what this class tests is not who may call (AccessTest is).
@TestSecurity(user = "admin", roles = Roles.ADMIN)
@QuarkusTestResource(value = KafkaAndPostgresResource.class,
        initArgs = @ResourceArg(name = KafkaAndPostgresResource.DATABASE_ARG, value = "entrypoint"),
        restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PreexistingMrdTopicResource.class, restrictToAnnotatedClass = false)
class EntryPointSemanticsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String CHATS = "/system/egain/chat/entrypoint/{id}/chats";
    private static final String ABANDON = "/system/egain/chat/entrypoint/{id}/chats/{chatId}/abandon";
    private static final String EXPLAIN = "/entry-points/{id}/explain";

    private static TestKafka kafka;

    @Inject
    AppClock clock;

    @Inject
    ChatQueueView queue;

    @BeforeAll
    static void topics() {
        TestTopics.create(Topics.SKILL_GROUP_AVAILABILITY, 3,
                PreexistingMrdTopicResource.compacted(Topics.SKILL_GROUP_AVAILABILITY).configs());
        kafka = TestKafka.connect();
    }

    @AfterAll
    static void close() {
        kafka.close();
    }

    @AfterEach
    void realClock() {
        clock.reset();
    }

    /** Logged-in agents that are not available are busy: ready and routable, at their task limit. */
    private static AvailabilityCounts counts(int loggedIn, int available) {
        return new AvailabilityCounts(loggedIn, loggedIn, loggedIn, available, loggedIn - available, 0,
                2L * (loggedIn - available), 2L * loggedIn, loggedIn - available);
    }

    private static void skillGroup(int skillGroupId, int partition, int loggedIn, int available) {
        SkillGroupAvailability record = new SkillGroupAvailability(SkillGroupAvailability.SCHEMA_VERSION,
                skillGroupId, 5000, partition, counts(loggedIn, available), 77, Instant.now());
        kafka.send(Topics.SKILL_GROUP_AVAILABILITY, record.key(), ContractJson.write(record));
    }

    private static void mrd(int mrdId, int partition, int loggedIn, int available) {
        MrdAvailability record = new MrdAvailability(MrdAvailability.SCHEMA_VERSION, mrdId, partition,
                counts(loggedIn, available), 78, Instant.now());
        kafka.send(Topics.MRD_AVAILABILITY, record.key(), ContractJson.write(record));
    }

    private static Map<String, Object> entryPoint(int mrdId, List<Integer> skillGroups, Map<String, Object> settings) {
        Map<String, Object> body = body("Semantics", mrdId, skillGroups, true);
        body.putAll(settings);
        return body;
    }

    private static void put(long id, Map<String, Object> body) {
        given().contentType(ContentType.JSON).body(body).put("/entry-points/{id}", id)
                .then().statusCode(anyOf(is(200), is(201)));
    }

    private static String startChat(long id) {
        return given().post(CHATS, id).then().statusCode(201).extract().path("chatId");
    }

    @Test
    void theEce116DefectMrdScopeCountsAnotherSkillGroupSkillGroupScopeDoesNot() {
        // MRD 5000 has skill groups 6928 (serves both entry points) and 7000 (serves neither); only 7000 has an agent.
        put(3001, entryPoint(5000, List.of(6928), Map.of("availabilityScope", "MRD")));
        put(3002, entryPoint(5000, List.of(6928), Map.of("availabilityScope", "SKILL_GROUP")));
        skillGroup(6928, 2, 0, 0);
        skillGroup(7000, 2, 1, 1);
        mrd(5000, 2, 1, 1);

        await().atMost(WAIT).until(() -> responseType(3001) == 0);
        await().atMost(WAIT).until(() -> Integer.valueOf(2).equals(
                given().get(EXPLAIN, 3002).path("sources[0].partitions.find { it.partition == 2 }.partition")));
        assertThat(responseType(3002)).as("12.0: only 6928 counts").isEqualTo(1);

        given().get(EXPLAIN, 3001).then().statusCode(200)
                .body("answer.responseType", equalTo(0))
                .body("decision.rule", equalTo("AGENT_AVAILABLE"))
                .body("scope", equalTo("MRD"))
                .body("sources[0].kind", equalTo("MRD")).body("sources[0].id", equalTo(5000))
                .body("sources[0].partitions.find { it.partition == 2 }.throughOffset", equalTo(78))
                .body("sources[0].partitions.find { it.partition == 2 }.asOf", notNullValue());
        given().get(EXPLAIN, 3002).then().statusCode(200)
                .body("answer.responseType", equalTo(1))
                .body("decision.rule", equalTo("NO_AGENT_COULD_TAKE_IT"))
                .body("decision.rows.find { it.rule == 'NO_AGENT_COULD_TAKE_IT' }.applies", equalTo(true))
                .body("scope", equalTo("SKILL_GROUP"))
                .body("sources[0].kind", equalTo("SKILL_GROUP")).body("sources[0].id", equalTo(6928))
                .body("sources[0].partitions.find { it.partition == 2 }.throughOffset", equalTo(77))
                .body("sources[0].partitions.find { it.partition == 2 }.counts.loggedIn", equalTo(0))
                .body("sources[0].partitions.find { it.partition == 2 }.counts.available", equalTo(0));
    }

    @Test
    void aFullQueueAnswersTwoAndRefusesChatsUntilOneIsAbandoned() {
        put(3003, entryPoint(5000, List.of(6951), Map.of("maxQueueDepth", 2)));
        skillGroup(6951, 0, 2, 0); // all busy: the chat can wait
        await().atMost(WAIT).until(() -> responseType(3003) == 0);
        // a page elsewhere may post text/plain without a preflight: refused, and no chat starts
        given().contentType("text/plain").body("{}").post(CHATS, 3003).then().statusCode(415)
                .contentType(Problem.MEDIA_TYPE);

        String first = startChat(3003);
        startChat(3003);

        assertThat(responseType(3003)).isEqualTo(2);
        given().post(CHATS, 3003).then().statusCode(409).contentType(Problem.MEDIA_TYPE)
                .body("reason", equalTo("QUEUE_FULL"));
        given().get(EXPLAIN, 3003).then()
                .body("decision.rule", equalTo("QUEUE_FULL"))
                .body("queue.depth", equalTo(2)).body("queue.maxQueueDepth", equalTo(2));

        given().contentType("application/x-www-form-urlencoded").body("a=b").post(ABANDON, 3003, first).then()
                .statusCode(415);
        given().post(ABANDON, 3003, first).then().statusCode(200).body("status", equalTo("ABANDONED"));
        assertThat(responseType(3003)).isEqualTo(0);
        given().post(ABANDON, 3003, first).then().statusCode(409).contentType(Problem.MEDIA_TYPE);

        // The events are on the topic, keyed by entry point, and the projection read them back.
        List<ConsumerRecord<String, String>> records = kafka.readAll(Topics.CHAT_EVENTS).stream()
                .filter(r -> "3003".equals(r.key())).toList();
        assertThat(records).extracting(r -> ChatEventJson.read(r.value()).value().type())
                .containsExactlyInAnyOrder(ChatEventType.STARTED, ChatEventType.STARTED, ChatEventType.ABANDONED);
        await().atMost(WAIT).until(() -> queue.records() >= 3);
        assertThat(queue.depth(3003)).isEqualTo(1);
    }

    @Test
    void aChatWaitingLongerThanMaxWaitSecondsTimesOut() {
        put(3006, entryPoint(5000, List.of(6952), Map.of("maxWaitSeconds", 1)));
        skillGroup(6952, 0, 1, 0); // busy: the chat may start and wait
        await().atMost(WAIT).until(() -> responseType(3006) == 0);
        startChat(3006);
        assertThat(queue.depth(3006)).isEqualTo(1);

        await().atMost(WAIT).until(() -> queue.depth(3006) == 0);
        await().atMost(WAIT).until(() -> kafka.readAll(Topics.CHAT_EVENTS).stream()
                .filter(r -> "3006".equals(r.key()))
                .anyMatch(r -> ChatEventJson.read(r.value()).value().type() == ChatEventType.TIMED_OUT));
    }

    @Test
    void offHoursAnswersTheOffHoursMessageWithAFixedClock() {
        Map<String, Object> hours = Map.of("timeZone", "America/New_York",
                "weekly", Map.of("MONDAY", List.of("09:00-17:00"), "TUESDAY", List.of("09:00-17:00"),
                        "WEDNESDAY", List.of("09:00-17:00"), "THURSDAY", List.of("09:00-17:00"),
                        "FRIDAY", List.of("09:00-17:00")),
                "holidays", List.of("2024-01-15"));
        put(3004, entryPoint(5000, List.of(6953), Map.of("businessHours", hours,
                "offHoursMessage", "Closed: back at 9am")));
        skillGroup(6953, 0, 1, 1);
        clock.use(Clock.fixed(Instant.parse("2024-01-09T15:00:00Z"), ZoneOffset.UTC)); // Tuesday 10:00 in New York
        await().atMost(WAIT).until(() -> responseType(3004) == 0);

        clock.use(Clock.fixed(Instant.parse("2024-01-08T23:00:00Z"), ZoneOffset.UTC)); // Monday 18:00 in New York

        given().get(INITIALIZE, 3004).then().statusCode(200)
                .body("checkEligibility.responseType", equalTo(1))
                .body("offHours", equalTo(true))
                .body("offHoursMessage", equalTo("Closed: back at 9am"));
        given().post(CHATS, 3004).then().statusCode(409).body("reason", equalTo("OFF_HOURS"));
        given().get(EXPLAIN, 3004).then()
                .body("decision.rule", equalTo("OFF_HOURS"))
                .body("answer.offHours", equalTo(true))
                .body("calendar.open", equalTo(false))
                .body("calendar.timeZone", equalTo("America/New_York"))
                .body("calendar.localTime", equalTo("2024-01-08T18:00"))
                .body("calendar.nextOpening", equalTo("2024-01-09T09:00-05:00"));

        clock.use(Clock.fixed(Instant.parse("2024-01-15T15:00:00Z"), ZoneOffset.UTC)); // a holiday, 10:00
        given().get(EXPLAIN, 3004).then().body("calendar.holiday", equalTo(true)).body("answer.offHours", equalTo(true));

        clock.use(Clock.fixed(Instant.parse("2024-01-09T15:00:00Z"), ZoneOffset.UTC)); // Tuesday 10:00
        given().get(INITIALIZE, 3004).then().statusCode(200)
                .body("checkEligibility.responseType", equalTo(0))
                .body("offHours", nullValue()).body("offHoursMessage", nullValue());
        given().get(EXPLAIN, 3004).then().body("calendar.openInterval", equalTo("09:00-17:00"));
    }

    @Test
    void corsAnswersOnlyTheEntryPointsOrigins() {
        put(3005, entryPoint(5000, List.of(6954), Map.of("allowedOrigins", List.of("https://shop.example.com"))));
        skillGroup(6954, 0, 1, 1);
        await().atMost(WAIT).until(() -> responseType(3005) == 0);

        given().header("Origin", "https://shop.example.com").get(INITIALIZE, 3005)
                .then().statusCode(200).header("Access-Control-Allow-Origin", "https://shop.example.com");
        given().header("Origin", "https://evil.example.com").get(INITIALIZE, 3005)
                .then().statusCode(200).header("Access-Control-Allow-Origin", nullValue());

        given().header("Origin", "https://shop.example.com").header("Access-Control-Request-Method", "POST")
                .options(CHATS, 3005)
                .then().statusCode(204)
                .header("Access-Control-Allow-Origin", "https://shop.example.com")
                .header("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
        given().header("Origin", "https://evil.example.com").header("Access-Control-Request-Method", "GET")
                .options(INITIALIZE, 3005)
                .then().header("Access-Control-Allow-Origin", nullValue());

        // as a page's fetch sends it: with a JSON type (RestAssured's default type would be a "simple" one)
        Response chat = given().header("Origin", "https://shop.example.com").contentType(ContentType.JSON)
                .post(CHATS, 3005);
        assertThat(chat.statusCode()).isEqualTo(201);
        assertThat(chat.header("Access-Control-Allow-Origin")).isEqualTo("https://shop.example.com");

        // Not on the management API, not for another entry point.
        given().header("Origin", "https://shop.example.com").get("/entry-points/{id}", 3005)
                .then().statusCode(200).header("Access-Control-Allow-Origin", nullValue());
        put(3007, entryPoint(5000, List.of(6954), Map.of()));
        given().header("Origin", "https://shop.example.com").get(INITIALIZE, 3007)
                .then().header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void settingsAreStoredWithDefaultsAndTheChatSettingsAreEchoed() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("chatSettings", Map.of(
                "maskingPatterns", List.of(Map.of("regEx", "\\d{16}", "maskingChar", "*", "charToRetainLeft", 0,
                        "charToRetainRight", 4, "luhnAlgo", 1)),
                "isVideoChatLicensed", true, "maxChatAttachmentSize", 1024, "isOneTagOff", true));
        put(3008, entryPoint(5000, List.of(6955), settings));

        given().get("/entry-points/{id}", 3008).then().statusCode(200)
                .body("maxQueueDepth", equalTo(0)).body("availabilityScope", equalTo("SKILL_GROUP"))
                .body("maxWaitSeconds", equalTo(300)).body("businessHours", nullValue())
                .body("offHoursMessage", equalTo("Thank you for your inquiry. Our hours are 9am to 5pm"))
                .body("allowedOrigins", equalTo(List.of()))
                .body("chatSettings.isVideoChatLicensed", equalTo(true));
        given().get(INITIALIZE, 3008).then().statusCode(200)
                .body("maskingPatterns.maskingPattern[0].regEx", equalTo("\\d{16}"))
                .body("maskingPatterns.maskingPattern[0].charToRetainRight", equalTo(4))
                .body("isVideoChatLicensed", equalTo(true))
                .body("maxChatAttachmentSize", equalTo(1024))
                .body("isOneTagOff", equalTo(true))
                .body("htmlTagMatcherRegex", equalTo("<[^>]*>"));
    }

    @Test
    void theLabsDemoEntryPointsAreAccepted() throws Exception {
        java.nio.file.Path demo = java.nio.file.Path.of("../lab/src/main/resources/demo-entry-points.json");
        com.fasterxml.jackson.databind.JsonNode entryPoints = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(java.nio.file.Files.readString(demo));
        assertThat(entryPoints.size()).isEqualTo(2);
        for (com.fasterxml.jackson.databind.JsonNode entryPoint : entryPoints) {
            long id = 3100 + entryPoint.get("id").asLong() - 1000; // as the lab sends it, under a test id
            given().contentType(ContentType.JSON).body(entryPoint.toString()).put("/entry-points/{id}", id)
                    .then().statusCode(anyOf(is(200), is(201)));
        }
        given().get("/entry-points/{id}", 3101).then()
                .body("maxQueueDepth", equalTo(3)).body("availabilityScope", equalTo("SKILL_GROUP"))
                .body("businessHours.weekly.MONDAY", equalTo(List.of("09:00-17:00")));
        given().get("/entry-points/{id}", 3102).then().body("availabilityScope", equalTo("MRD"));
    }

    @Test
    void everyInvalidSettingIsA400NamingIt() {
        Map<String, Object> hours = new LinkedHashMap<>();
        hours.put("timeZone", "Mars/Olympus");
        hours.put("weekly", Map.of("FUNDAY", List.of("09:00-17:00"), "MONDAY", List.of("17:00-09:00")));
        hours.put("holidays", List.of("2025-02-30"));
        Map<String, Object> masking = new LinkedHashMap<>();
        masking.put("regEx", "");
        masking.put("maskingChar", "**");
        masking.put("charToRetainLeft", -1);
        masking.put("charToRetainRight", -2);
        masking.put("luhnAlgo", 2);
        Map<String, Object> chat = new LinkedHashMap<>();
        chat.put("maskingPatterns", List.of(masking));
        chat.put("videoChatMaxEscalation", -1);
        chat.put("maxChatAttachmentSize", -1);
        chat.put("htmlTagMatcherIncr", -1);
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("maxQueueDepth", -1);
        settings.put("availabilityScope", "TEAM");
        settings.put("maxWaitSeconds", 0);
        settings.put("businessHours", hours);
        settings.put("offHoursMessage", "");
        settings.put("allowedOrigins", List.of("not an origin"));
        settings.put("chatSettings", chat);

        List<String> fields = given().contentType(ContentType.JSON).body(entryPoint(5000, List.of(6956), settings))
                .put("/entry-points/{id}", 3009)
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .extract().path("violations.field");

        for (String expected : List.of("maxQueueDepth", "availabilityScope", "maxWaitSeconds",
                "businessHours.timeZone", "businessHours.weekly.FUNDAY", "businessHours.weekly.MONDAY[0]",
                "businessHours.holidays[0]", "offHoursMessage", "allowedOrigins[0]",
                "chatSettings.maskingPatterns[0].regEx", "chatSettings.maskingPatterns[0].maskingChar",
                "chatSettings.maskingPatterns[0].charToRetainLeft", "chatSettings.maskingPatterns[0].charToRetainRight",
                "chatSettings.maskingPatterns[0].luhnAlgo", "chatSettings.videoChatMaxEscalation",
                "chatSettings.maxChatAttachmentSize", "chatSettings.htmlTagMatcherIncr")) {
            assertThat(fields).as("violations name " + expected).anyMatch(f -> f.startsWith(expected));
        }
        given().get("/entry-points/{id}", 3009).then().statusCode(404);
    }

    @Test
    void aNameOrMessageWithAControlCharacterIsA400() {
        Map<String, Object> body = entryPoint(5000, List.of(6956), Map.of("offHoursMessage", "Closed\u0000"));
        body.put("name", "Chat\u0007Support");
        List<String> fields = given().contentType(ContentType.JSON).body(body).put("/entry-points/{id}", 3010)
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE).extract().path("violations.field");
        assertThat(fields).containsExactlyInAnyOrder("name", "offHoursMessage");
        given().get("/entry-points/{id}", 3010).then().statusCode(404);
        // a message of several lines is fine
        put(3010, entryPoint(5000, List.of(6956), Map.of("offHoursMessage", "Closed.\r\nBack at 9am\t(CET)")));
    }
}
