package dev.agentavailability.listener.assignment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.agentavailability.testsupport.ServiceReadiness;
import dev.agentavailability.contract.Decoded;
import dev.agentavailability.contract.access.Roles;
import dev.agentavailability.contract.arm.ArmEvent;
import dev.agentavailability.contract.arm.ArmEventJson;
import dev.agentavailability.contract.arm.ArmMessage;
import dev.agentavailability.contract.arm.TaskId;
import dev.agentavailability.contract.chat.ChatEvent;
import dev.agentavailability.contract.chat.ChatEventJson;
import dev.agentavailability.contract.chat.ChatEventType;
import dev.agentavailability.contract.topic.Topics;
import dev.agentavailability.listener.SeededTopics;
import dev.agentavailability.testsupport.DeadLetterRecords;
import dev.agentavailability.testsupport.KafkaAndPostgresResource;
import dev.agentavailability.testsupport.TestKafka;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** ASSIGNED chats become OFFER_TASK_IND through the agent's command path, answered by OFFERED or ASSIGNMENT_FAILED. */
@QuarkusTest
// Runs as admin: what this class tests is not who may call (AccessTest is).
@TestSecurity(user = "admin", roles = Roles.ADMIN)
@QuarkusTestResource(value = KafkaAndPostgresResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = SeededTopics.class, restrictToAnnotatedClass = false)
class ChatOffersTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final long ENTRY_POINT = 1001;

    @BeforeEach
    void awaitReadiness() {
        ServiceReadiness.await("listener");
    }

    @Test
    void anAssignedChatIsOfferedToAReadyAgentAndAnsweredWithOffered() {
        post("/agents/6430/mrds/5000/login", "{\"maxTaskLimit\": 1}").statusCode(200);
        post("/agents/6430/mrds/5000/routable", "{\"maxTasks\": 1}").statusCode(200);
        post("/agents/6430/mrds/5000/ready", null).statusCode(200);
        UUID chat = UUID.randomUUID();
        TaskId task = ChatEvent.taskIdFor(chat);

        assign(chat, 6430);

        ChatEvent offered = awaitAnswer(chat);
        assertThat(offered.type()).isEqualTo(ChatEventType.OFFERED);
        assertThat(offered.icmAgentId()).isEqualTo(6430);
        assertThat(offered.taskId()).isEqualTo(task);
        assertThat(offered.entryPointId()).isEqualTo(ENTRY_POINT);
        assertThat(agentEvents()).anySatisfy(e -> {
            assertThat(e.message()).isEqualTo(ArmMessage.OFFER_TASK_IND);
            assertThat(e.icmAgentId()).isEqualTo(6430);
            assertThat(e.mrdId()).isEqualTo(5000);
            assertThat(e.fields().taskId()).isEqualTo(task);
        });
        given().get("/agents/6430").then().statusCode(200)
                .body("mrds.'5000'.state", org.hamcrest.Matchers.equalTo("RESERVED"));
    }

    @Test
    void anAssignedChatForAnAgentAtItsLimitFailsWithTheReason() {
        post("/agents/6431/mrds/5000/login", "{\"maxTaskLimit\": 1}").statusCode(200);
        post("/agents/6431/mrds/5000/tasks/77/start", null).statusCode(200);
        UUID chat = UUID.randomUUID();

        assign(chat, 6431);

        ChatEvent failed = awaitAnswer(chat);
        assertThat(failed.type()).isEqualTo(ChatEventType.ASSIGNMENT_FAILED);
        assertThat(failed.icmAgentId()).isEqualTo(6431);
        assertThat(failed.reason()).contains("TASK_LIMIT_REACHED");
        assertThat(agentEvents()).noneSatisfy(e -> assertThat(e.fields().taskId()).isEqualTo(ChatEvent.taskIdFor(chat)));
    }

    /** Chat offers commit their offsets: the poison is on the dead-letter topic before the group moves past it. */
    @Test
    void aPoisonChatEventIsDeadLetteredAndTheNextAssignmentIsStillOffered() {
        String poison = "{\"schemaVersion\":1,\"type\":\"ASSIGNED\",\"chatId\":\"not-a-uuid\"}";
        try (TestKafka kafka = TestKafka.connect(bootstrap())) {
            kafka.send(Topics.CHAT_EVENTS, Long.toString(ENTRY_POINT), poison);
        }
        post("/agents/6439/mrds/5000/login", "{\"maxTaskLimit\": 1}").statusCode(200);
        post("/agents/6439/mrds/5000/routable", "{\"maxTasks\": 1}").statusCode(200);
        post("/agents/6439/mrds/5000/ready", null).statusCode(200);
        UUID chat = UUID.randomUUID();

        assign(chat, 6439);

        assertThat(awaitAnswer(chat).type()).isEqualTo(ChatEventType.OFFERED);
        ConsumerRecord<String, String> dead = DeadLetterRecords.await(bootstrap(), Topics.CHAT_EVENTS, poison);
        assertThat(DeadLetterRecords.header(dead, Topics.DLQ_READER_HEADER)).isEqualTo("listener-service");
        assertThat(DeadLetterRecords.header(dead, Topics.DLQ_REASON_HEADER)).contains("chatId");
        assertThat(dead.key()).isEqualTo(Long.toString(ENTRY_POINT));
    }

    /** The config topic is seeded with an unreadable record (SeededTopics): the listener reports it. */
    @Test
    void theSeededUnreadableConfigRecordIsDeadLettered() {
        ConsumerRecord<String, String> dead = DeadLetterRecords.await(bootstrap(), Topics.CONFIG,
                SeededTopics.UNREADABLE_CONFIG);
        assertThat(DeadLetterRecords.header(dead, Topics.DLQ_READER_HEADER)).isEqualTo("listener-service");
        assertThat(DeadLetterRecords.header(dead, Topics.DLQ_REASON_HEADER)).startsWith("not valid JSON");
    }

    private static void assign(UUID chat, int agent) {
        ChatEvent assigned = ChatEvent.step(ChatEventType.ASSIGNED, ENTRY_POINT, chat, 5000, agent,
                ChatEvent.taskIdFor(chat), null, Instant.now());
        try (TestKafka kafka = TestKafka.connect(bootstrap())) {
            kafka.send(Topics.CHAT_EVENTS, assigned.key(), ChatEventJson.write(assigned));
        }
    }

    private static ChatEvent awaitAnswer(UUID chat) {
        return await().atMost(DEADLINE).until(() -> answer(chat), Optional::isPresent).orElseThrow();
    }

    private static Optional<ChatEvent> answer(UUID chat) {
        for (ConsumerRecord<String, String> r : TestKafka.readAll(bootstrap(), Topics.CHAT_EVENTS)) {
            Decoded<ChatEvent> e = ChatEventJson.read(r.value());
            if (e.isValid() && e.value().chatId().equals(chat) && e.value().type() != ChatEventType.ASSIGNED) {
                assertThat(r.key()).isEqualTo(Long.toString(ENTRY_POINT));
                return Optional.of(e.value());
            }
        }
        return Optional.empty();
    }

    private static List<ArmEvent> agentEvents() {
        return TestKafka.readAll(bootstrap(), Topics.AGENT_EVENTS).stream().map(r -> ArmEventJson.read(r.value()))
                .filter(Decoded::isValid).map(Decoded::value).toList();
    }

    private static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    private static io.restassured.response.ValidatableResponse post(String path, String json) {
        var request = given().contentType(ContentType.JSON);
        if (json != null) {
            request = request.body(json);
        }
        return request.post(path).then();
    }
}
