package dev.agentavailability.listener.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentavailability.contract.arm.ArmEvent;
import dev.agentavailability.contract.arm.ArmEventJson;
import dev.agentavailability.contract.arm.ArmFields;
import dev.agentavailability.contract.arm.ArmMessage;
import dev.agentavailability.contract.arm.IcmAgentState;
import dev.agentavailability.contract.arm.TaskId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import dev.agentavailability.kafka.TopicReader;

class AgentEventRebuildTest {

    private static final String TOPIC = "arm.agent-events";
    private static final TopicPartition P0 = new TopicPartition(TOPIC, 0);
    private static final TopicPartition P1 = new TopicPartition(TOPIC, 1);
    private static final Instant AT = Instant.parse("2019-08-19T13:34:09.773Z");

    private final MockConsumer<String, String> consumer = new MockConsumer<>("earliest");

    @Test
    void appliesReadableEventsUpToTheEndOffsetsSeenAtTheStart() {
        topic(Map.of(P0, 4L, P1, 2L));
        consumer.schedulePollTask(() -> {
            add(P0, 0, event(ArmMessage.MEDIA_LOGIN_REQ, 133121, 6420, ArmFields.mediaLogin(0, false, 2, "1005")));
            add(P0, 1, "{not json");
            add(P0, 2, event(ArmMessage.MAKE_AGENT_ROUTABLE_IND, 80171, 6420, ArmFields.maxTasks(2)));
            add(P0, 3, event(ArmMessage.MAKE_AGENT_READY_IND, 80172, 6420, ArmFields.makeRoutable(true)));
            // Written after the rebuild started: not part of it.
            add(P0, 4, event(ArmMessage.MEDIA_LOGOUT_IND, 999_999, 6420, ArmFields.NONE));
            add(P1, 0, event(ArmMessage.MEDIA_LOGIN_REQ, 5, 5033, ArmFields.mediaLogin(0, false, 0, "1005")));
            // Refused: no room under a task limit of 0.
            add(P1, 1, event(ArmMessage.START_TASK_IND, 6, 5033, ArmFields.task(new TaskId(0, 1, 0))));
        });

        AgentEventRebuild.Result result = new AgentEventRebuild(consumer, TOPIC, Duration.ofSeconds(5)).run();

        assertThat(result.records()).isEqualTo(6);
        assertThat(result.unreadable()).isEqualTo(1);
        assertThat(result.refused()).isEqualTo(1);
        assertThat(result.maxInvokeId()).isEqualTo(133121);
        assertThat(result.agents()).containsOnlyKeys(6420, 5033);
        var chat = result.agents().get(6420).mrd(5000).orElseThrow();
        assertThat(chat.loggedIn()).isTrue();
        assertThat(chat.state()).isEqualTo(IcmAgentState.NOT_ACTIVE);
        assertThat(result.agents().get(5033).mrd(5000).orElseThrow().tasks()).isEmpty();
    }

    @Test
    void domainStatusRecordsOnEveryPartitionChangeNoAgent() {
        topic(Map.of(P0, 3L, P1, 2L));
        String domain = ArmEventJson.write(ArmEvent.of(ArmMessage.APP_PATH_DOMAIN_STATUS_EVENT, AT, 0, 5000, 0,
                ArmFields.domainStatus(5001, false), "test"));
        List<ArmEvent> applied = new java.util.ArrayList<>();
        consumer.schedulePollTask(() -> {
            add(P0, 0, event(ArmMessage.MEDIA_LOGIN_REQ, 7, 6420, ArmFields.mediaLogin(0, false, 2, "1005")));
            add(P0, 1, domain);
            add(P0, 2, event(ArmMessage.MAKE_AGENT_READY_IND, 8, 6420, ArmFields.makeRoutable(true)));
            add(P1, 0, domain);
            add(P1, 1, event(ArmMessage.MEDIA_LOGIN_REQ, 9, 5033, ArmFields.mediaLogin(0, false, 1, "1005")));
        });

        List<String> read = new java.util.ArrayList<>();
        AgentEventRebuild.Result result = new AgentEventRebuild(consumer, TOPIC, Duration.ofSeconds(5), applied::add,
                (event, at) -> read.add(event.message() + "@" + at.partition() + "/" + at.offset())).run();

        assertThat(result.records()).isEqualTo(5);
        assertThat(result.unreadable()).isZero();
        assertThat(result.refused()).isZero();
        assertThat(result.agents()).containsOnlyKeys(6420, 5033);
        assertThat(result.agents().get(6420).mrd(5000).orElseThrow().state()).isEqualTo(IcmAgentState.NOT_ACTIVE);
        assertThat(result.maxInvokeId()).isEqualTo(9);
        assertThat(applied).hasSize(5);
        // where each event is stored, for the outcomes of idempotent actions
        assertThat(read).containsExactlyInAnyOrder("MEDIA_LOGIN_REQ@0/0", "APP_PATH_DOMAIN_STATUS_EVENT@0/1",
                "MAKE_AGENT_READY_IND@0/2", "APP_PATH_DOMAIN_STATUS_EVENT@1/0", "MEDIA_LOGIN_REQ@1/1");
    }

    @Test
    void anEmptyTopicRebuildsNoAgent() {
        topic(Map.of(P0, 0L, P1, 0L));
        AgentEventRebuild.Result result = new AgentEventRebuild(consumer, TOPIC, Duration.ofSeconds(5)).run();
        assertThat(result.agents()).isEmpty();
        assertThat(result.maxInvokeId()).isZero();
    }

    @Test
    void givesUpWhenTheTopicStopsDeliveringBeforeItsEnd() {
        topic(Map.of(P0, 1L, P1, 0L));
        assertThatThrownBy(() -> new AgentEventRebuild(consumer, TOPIC, Duration.ofMillis(200)).run())
                .isInstanceOf(TopicReader.TopicReadException.class)
                .hasMessageContaining("while reading up to");
    }

    private void topic(Map<TopicPartition, Long> end) {
        Node node = new Node(1, "localhost", 9092);
        consumer.updatePartitions(TOPIC, List.of(
                new PartitionInfo(TOPIC, 0, node, new Node[] {node}, new Node[] {node}),
                new PartitionInfo(TOPIC, 1, node, new Node[] {node}, new Node[] {node})));
        consumer.updateBeginningOffsets(Map.of(P0, 0L, P1, 0L));
        consumer.updateEndOffsets(end);
    }

    private void add(TopicPartition tp, long offset, String value) {
        consumer.addRecord(new ConsumerRecord<>(tp.topic(), tp.partition(), offset, null, value));
    }

    private static String event(ArmMessage message, long invokeId, int agent, ArmFields fields) {
        return ArmEventJson.write(ArmEvent.of(message, AT, invokeId, 5000, agent, fields, "test"));
    }
}
