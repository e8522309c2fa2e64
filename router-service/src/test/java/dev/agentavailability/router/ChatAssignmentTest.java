package dev.agentavailability.router;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import dev.agentavailability.contract.Decoded;
import dev.agentavailability.contract.access.Roles;
import dev.agentavailability.contract.arm.ArmEvent;
import dev.agentavailability.contract.arm.ArmEventJson;
import dev.agentavailability.contract.arm.ArmFields;
import dev.agentavailability.contract.arm.ArmMessage;
import dev.agentavailability.contract.arm.TaskId;
import dev.agentavailability.contract.chat.ChatEvent;
import dev.agentavailability.contract.chat.ChatEventJson;
import dev.agentavailability.contract.chat.ChatEventType;
import dev.agentavailability.contract.topic.Topics;
import dev.agentavailability.testsupport.KafkaAndPostgresResource;
import dev.agentavailability.testsupport.TestKafka;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The router assigns waiting chats to the longest available agent of their skill groups. */
@QuarkusTest
// Runs as admin: what this class tests is not who may call (AccessTest is).
@TestSecurity(user = "admin", roles = Roles.ADMIN)
@QuarkusTestResource(value = KafkaAndPostgresResource.class,
        initArgs = @ResourceArg(name = KafkaAndPostgresResource.DATABASE_ARG, value = "router"))
class ChatAssignmentTest {

    private static final String LAB = """
            mrds:
              - { id: 5000, name: ECE_Chat, interruptible: false }
            skillGroups:
              - { id: 6928, name: TEST_Chat, mrdId: 5000, peripheralNumber: 70518, defaultGroup: false }
            applicationPaths:
              - { id: 5001, name: ECE, mrdIds: [5000] }
            agents:
              - { id: 6420, name: CUCM.Agent_test, peripheralNumber: 15003, skillGroupIds: [6928] }
              - { id: 5033, name: ECE.Agent_1005, peripheralNumber: 15004, skillGroupIds: [6928] }
            """;
    private static final long ENTRY_POINT = 1001;
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private Instant clock = Instant.parse("2020-01-01T10:00:00Z");

    @Test
    void chatsGoToTheLongestAvailableAgentWithinItsLimitAndWaitWhenNobodyIsFree() {
        given().contentType("application/yaml").body(LAB.getBytes(StandardCharsets.UTF_8)).post("/config/import")
                .then().statusCode(200);
        for (int agent : List.of(6420, 5033)) {
            // another test may have left the agent logged in: start from logged out (refused if it is not)
            send(agent, ArmMessage.MEDIA_LOGOUT_IND, ArmFields.NONE);
            send(agent, ArmMessage.MEDIA_LOGIN_REQ, ArmFields.mediaLogin(0, false, 1, Integer.toString(agent)));
            send(agent, ArmMessage.MAKE_AGENT_ROUTABLE_IND, ArmFields.maxTasks(1));
        }
        send(6420, ArmMessage.MAKE_AGENT_READY_IND, ArmFields.makeRoutable(true));
        send(5033, ArmMessage.MAKE_AGENT_READY_IND, ArmFields.makeRoutable(true));
        for (int agent : List.of(6420, 5033)) {
            await().atMost(DEADLINE).untilAsserted(() -> given().get("/agents/" + agent + "/status").then()
                    .statusCode(200).body("mrds[0].availableForNewTask", equalTo(true))
                    .body("mrds[0].taskLimit", equalTo(1)));
        }

        UUID first = start();
        ChatEvent firstAssigned = awaitAssigned(first);
        assertThat(firstAssigned.icmAgentId()).isEqualTo(6420);
        assertThat(firstAssigned.mrdId()).isEqualTo(5000);
        assertThat(firstAssigned.taskId()).isEqualTo(ChatEvent.taskIdFor(first));

        UUID second = start();
        assertThat(awaitAssigned(second).icmAgentId()).isEqualTo(5033);

        UUID third = start();
        await().atMost(DEADLINE).untilAsserted(() -> given().get("/chats/queue").then().statusCode(200)
                .body("waiting.chatId", hasItem(third.toString())));

        // The listener offers the first chat's task to 6420: the offer holds it until the task ends.
        TaskId firstTask = ChatEvent.taskIdFor(first);
        send(6420, ArmMessage.OFFER_TASK_IND, ArmFields.task(firstTask));
        publish(ChatEvent.step(ChatEventType.OFFERED, ENTRY_POINT, first, 5000, 6420, firstTask, null, Instant.now()));
        await().atMost(DEADLINE).untilAsserted(() -> {
            given().get("/chats/queue").then().statusCode(200)
                    .body("waiting.chatId", not(hasItem(first.toString())))
                    .body("offerHolds.size()", equalTo(0));
            given().get("/agents/6420/status").then().statusCode(200).body("mrds[0].state", equalTo("RESERVED"));
        });
        assertThat(assigned(third)).isEmpty();

        send(6420, ArmMessage.END_TASK_IND, ArmFields.taskEnd(firstTask, null));
        assertThat(awaitAssigned(third).icmAgentId()).isEqualTo(6420);

        for (int agent : List.of(6420, 5033)) {
            send(agent, ArmMessage.MEDIA_LOGOUT_IND, ArmFields.NONE);
        }
    }

    private UUID start() {
        UUID chat = UUID.randomUUID();
        publish(ChatEvent.started(ENTRY_POINT, chat, 5000, List.of(6928), Instant.now()));
        return chat;
    }

    private ChatEvent awaitAssigned(UUID chat) {
        return await().atMost(DEADLINE).until(() -> assigned(chat), Optional::isPresent).orElseThrow();
    }

    private Optional<ChatEvent> assigned(UUID chat) {
        for (ConsumerRecord<String, String> r : TestKafka.readAll(bootstrap, Topics.CHAT_EVENTS)) {
            Decoded<ChatEvent> e = ChatEventJson.read(r.value());
            if (e.isValid() && e.value().chatId().equals(chat) && e.value().type() == ChatEventType.ASSIGNED) {
                assertThat(r.key()).isEqualTo(Long.toString(ENTRY_POINT));
                return Optional.of(e.value());
            }
        }
        return Optional.empty();
    }

    private void publish(ChatEvent event) {
        try (TestKafka kafka = TestKafka.connect(bootstrap)) {
            kafka.send(Topics.CHAT_EVENTS, event.key(), ChatEventJson.write(event));
        }
    }

    private void send(int agent, ArmMessage message, ArmFields fields) {
        clock = clock.plusSeconds(1);
        ArmEvent event = ArmEvent.of(message, clock, 1, 5000, agent, fields, "test");
        try (TestKafka kafka = TestKafka.connect(bootstrap)) {
            kafka.send(Topics.AGENT_EVENTS, event.key(), ArmEventJson.write(event));
        }
    }
}
