package dev.agentavailability.entrypoint;

import static dev.agentavailability.entrypoint.Fixtures.INITIALIZE;
import static dev.agentavailability.entrypoint.Fixtures.key;
import static dev.agentavailability.entrypoint.Fixtures.putEntryPoint;
import static dev.agentavailability.entrypoint.Fixtures.responseType;
import static dev.agentavailability.entrypoint.Fixtures.skillGroupRecord;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentavailability.contract.access.Roles;
import dev.agentavailability.contract.topic.Topics;
import dev.agentavailability.entrypoint.availability.AvailabilityView;
import dev.agentavailability.rest.Problem;
import dev.agentavailability.testsupport.DeadLetterRecords;
import dev.agentavailability.testsupport.KafkaAndPostgresResource;
import dev.agentavailability.testsupport.TestKafka;
import dev.agentavailability.testsupport.TestTopics;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The public initialize call against a real broker and database. The skill-group topic is created here, after the
 * application started; each test uses its own entry points and skill groups.
 */
@QuarkusTest
// Runs as admin: what this class tests is not who may call (AccessTest is).
@TestSecurity(user = "admin", roles = Roles.ADMIN)
@QuarkusTestResource(value = KafkaAndPostgresResource.class,
        initArgs = @ResourceArg(name = KafkaAndPostgresResource.DATABASE_ARG, value = "entrypoint"),
        restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PreexistingMrdTopicResource.class, restrictToAnnotatedClass = false)
class InitializeEndpointTest {

    private static final String TOPIC = Topics.SKILL_GROUP_AVAILABILITY;
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static TestKafka kafka;

    @Inject
    AvailabilityView view;

    @BeforeAll
    static void createSkillGroupTopicAfterStartup() {
        TestTopics.create(TOPIC, 3, PreexistingMrdTopicResource.compacted(TOPIC).configs());
        kafka = TestKafka.connect();
    }

    @AfterAll
    static void close() {
        kafka.close();
    }

    @Test
    void answersZeroOnlyWhileTheSumOverPartitionsOfTheQueueSkillGroupHasAnAvailableAgent() {
        putEntryPoint(1001, 5000, List.of(6928), true);
        assertThat(responseType(1001)).as("no availability record yet").isEqualTo(1);

        kafka.send(TOPIC, key(6928, 0), skillGroupRecord(6928, 0, 1));
        await().atMost(WAIT).until(() -> responseType(1001) == 0);

        kafka.send(TOPIC, key(6928, 1), skillGroupRecord(6928, 1, 0));
        await().atMost(WAIT).until(() -> view.skillGroupRecord(6928, 1).isPresent());
        assertThat(responseType(1001)).as("partition 0 still has an available agent").isEqualTo(0);
        assertThat(view.skillGroup(6928).available()).isEqualTo(1);

        kafka.send(TOPIC, key(6928, 0), skillGroupRecord(6928, 0, 0));
        await().atMost(WAIT).until(() -> responseType(1001) == 1);
    }

    /** The business gauge the dashboard and the "nobody available" alert read: summed over the partitions. */
    @Test
    void availableAgentsPerSkillGroupAreAGaugeSummedOverThePartitions() {
        kafka.send(TOPIC, key(6977, 0), skillGroupRecord(6977, 0, 2));
        kafka.send(TOPIC, key(6977, 2), skillGroupRecord(6977, 2, 1));
        await().atMost(WAIT).untilAsserted(() -> given().get("/q/metrics").then().statusCode(200)
                .body(matchesPattern("(?s).*availability_skill_group_agents\\{(?=[^}]*count=\"available\")"
                        + "(?=[^}]*skillGroup=\"6977\")[^}]*} 3\\.0\n.*")));
    }

    /** bin/benchmark suite's ceiling is only fair if it writes what initialize writes. */
    @Test
    void theBenchmarkCeilingAnswersWithInitializesFieldsInInitializesOrder() throws Exception {
        putEntryPoint(1005, 5000, List.of(6943), true);
        ObjectMapper json = new ObjectMapper();
        JsonNode initialize = json.readTree(given().get(INITIALIZE, 1005).then().statusCode(200).extract().asString());
        JsonNode ceiling = json.readTree(given().get("/benchmark/ceiling").then().statusCode(200).extract().asString());
        List<String> initializeFields = new ArrayList<>();
        initialize.fieldNames().forEachRemaining(initializeFields::add);
        List<String> ceilingFields = new ArrayList<>();
        ceiling.fieldNames().forEachRemaining(ceilingFields::add);
        assertThat(ceilingFields).isEqualTo(initializeFields);
    }

    @Test
    void anAvailableAgentOnlyInAnotherSkillGroupDoesNotMakeTheEntryPointAvailable() {
        putEntryPoint(1002, 5000, List.of(6940), true);
        putEntryPoint(1003, 5000, List.of(7000), true);

        kafka.send(TOPIC, key(7000, 0), skillGroupRecord(7000, 0, 1));
        await().atMost(WAIT).until(() -> responseType(1003) == 0);

        assertThat(responseType(1002)).isEqualTo(1);
    }

    @Test
    void aMalformedRecordDoesNotStopTheChannel() {
        putEntryPoint(1004, 5000, List.of(6942), true);
        long malformedBefore = view.malformedSkillGroupRecords();

        // Same key, so the same topic partition: the valid record is read after the two bad ones.
        String notJson = "{this is not json";
        String newerSchema = skillGroupRecord(6942, 0, 1).replace("\"schemaVersion\":1", "\"schemaVersion\":99");
        kafka.send(TOPIC, key(6942, 0), notJson);
        kafka.send(TOPIC, key(6942, 0), newerSchema);
        kafka.send(TOPIC, key(6942, 0), skillGroupRecord(6942, 0, 1));
        // and a JSON null on the entry point settings topic, which this service reads too
        kafka.send(Topics.ENTRY_POINTS, "1004", "null");

        await().atMost(WAIT).until(() -> responseType(1004) == 0);
        assertThat(view.malformedSkillGroupRecords() - malformedBefore).isEqualTo(2);
        for (String poison : List.of(notJson, newerSchema)) {
            ConsumerRecord<String, String> dead = DeadLetterRecords.await(kafka.bootstrapServers(), TOPIC, poison);
            assertThat(DeadLetterRecords.header(dead, Topics.DLQ_READER_HEADER)).isEqualTo("entrypoint-service");
            assertThat(dead.key()).isEqualTo(key(6942, 0));
        }
        assertThat(DeadLetterRecords.header(DeadLetterRecords.await(kafka.bootstrapServers(), Topics.ENTRY_POINTS,
                "null"), Topics.DLQ_REASON_HEADER)).isNotBlank();
    }

    @Test
    void aDeletedRecordNoLongerCounts() {
        putEntryPoint(1005, 5000, List.of(6943), true);
        kafka.send(TOPIC, key(6943, 0), skillGroupRecord(6943, 0, 1));
        await().atMost(WAIT).until(() -> responseType(1005) == 0);

        kafka.send(TOPIC, key(6943, 0), null);

        await().atMost(WAIT).until(() -> responseType(1005) == 1);
    }

    @Test
    void anInactiveEntryPointAnswersNoAgentUntilItIsActivated() {
        putEntryPoint(1006, 5000, List.of(6944), false);
        kafka.send(TOPIC, key(6944, 0), skillGroupRecord(6944, 0, 3));
        await().atMost(WAIT).until(() -> view.skillGroup(6944).available() == 3);

        assertThat(responseType(1006)).isEqualTo(1);

        putEntryPoint(1006, 5000, List.of(6944), true);
        assertThat(responseType(1006)).isEqualTo(0);
    }

    @Test
    void anEntryPointWithSeveralSkillGroupsIsAvailableWhenAnyOfThemIs() {
        putEntryPoint(1007, 5000, List.of(6945, 6946), true);
        kafka.send(TOPIC, key(6945, 0), skillGroupRecord(6945, 0, 0));
        kafka.send(TOPIC, key(6946, 2), skillGroupRecord(6946, 2, 1));

        await().atMost(WAIT).until(() -> responseType(1007) == 0);
    }

    @Test
    void theAnswerHasTheEceShapeAndNoAgentCounts() throws Exception {
        putEntryPoint(1008, 5000, List.of(6947), true);
        kafka.send(TOPIC, key(6947, 0), skillGroupRecord(6947, 0, 4));
        await().atMost(WAIT).until(() -> responseType(1008) == 0);

        String body = given().get(INITIALIZE, 1008).then().statusCode(200).extract().asString();

        ObjectMapper json = new ObjectMapper();
        JsonNode expected = json.readTree("""
                {"entryPointId":1008,"checkEligibility":{"responseType":0},"maskingPatterns":{"maskingPattern":[]},
                 "isVideoChatLicensed":false,"isVideoChatEnabled":false,"videoChatMaxEscalation":0,
                 "isDirectAudioChatEnabled":false,"isChatAttachmentEnabled":false,"maxChatAttachmentSize":0,
                 "isBlackListType":false,"isOffRecordEnabled":false,"htmlTagMatcherRegex":"<[^>]*>",
                 "htmlTagMatcherIncr":0,"isOneTagOff":false}
                """);
        JsonNode actual = json.readTree(body);
        assertThat(actual).isEqualTo(expected);
        List<String> order = new ArrayList<>();
        actual.fieldNames().forEachRemaining(order::add);
        List<String> expectedOrder = new ArrayList<>();
        expected.fieldNames().forEachRemaining(expectedOrder::add);
        assertThat(order).isEqualTo(expectedOrder);
    }

    @Test
    void anUnknownEntryPointIsA404Problem() {
        given().get(INITIALIZE, 999_999)
                .then().statusCode(404).contentType(Problem.MEDIA_TYPE)
                .body("status", equalTo(404))
                .body("detail", containsString("999999"))
                .body("instance", equalTo("/system/egain/chat/entrypoint/initialize/999999"));
    }

    @Test
    void aNonNumericEntryPointIdIsA400Problem() {
        given().get(INITIALIZE, "abc")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("status", equalTo(400))
                .body("detail", containsString("abc"));
    }
}
