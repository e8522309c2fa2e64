package dev.agentavailability.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentavailability.contract.arm.ArmEvent;
import dev.agentavailability.contract.arm.ArmEventJson;
import dev.agentavailability.contract.arm.ArmFields;
import dev.agentavailability.contract.arm.ArmMessage;
import dev.agentavailability.contract.arm.TaskId;
import dev.agentavailability.contract.chat.ChatEventJson;
import dev.agentavailability.contract.config.ConfigEventJson;
import dev.agentavailability.contract.entrypoint.EntryPointEventJson;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ArmEventJsonTest {

    private static final Instant AT = Instant.parse("2019-08-19T13:34:09.773Z");

    @Test
    void writesAndReadsTheSameEvent() {
        ArmEvent event = ArmEvent.of(ArmMessage.MAKE_AGENT_ROUTABLE_IND, AT, 80171, 5000, 6420, ArmFields.maxTasks(2),
                "test");
        String json = ArmEventJson.write(event);

        assertThat(json).contains("\"message\":\"MAKE_AGENT_ROUTABLE_IND\"", "\"messageType\":154",
                "\"schemaVersion\":1", "\"maxTasks\":2").doesNotContain("makeRoutable");
        Decoded<ArmEvent> read = ArmEventJson.read(json);
        assertThat(read.error()).isNull();
        assertThat(read.value()).isEqualTo(event);
    }

    @Test
    void keepsTaskIds() {
        ArmEvent event = ArmEvent.of(ArmMessage.START_TASK_IND, AT, 1, 5000, 6420,
                ArmFields.task(new TaskId(1, 2, 3)), "test");
        assertThat(ArmEventJson.read(ArmEventJson.write(event)).value().fields().taskId()).isEqualTo(new TaskId(1, 2, 3));
        assertThat(TaskId.parse("1-2-3")).contains(new TaskId(1, 2, 3));
        assertThat(TaskId.parse("77")).contains(new TaskId(0, 77, 0));
        assertThat(TaskId.parse("x-1")).isEmpty();
    }

    @Test
    void namesTheFaultOfMalformedRecords() {
        String valid = ArmEventJson.write(ArmEvent.of(ArmMessage.MAKE_AGENT_ROUTABLE_IND, AT, 1, 5000, 6420,
                ArmFields.maxTasks(2), "test"));

        assertThat(ArmEventJson.read("{not json").error()).startsWith("not valid JSON");
        assertThat(ArmEventJson.read("").error()).isEqualTo("empty record value");
        // JSON null is a record too: a fault, not a NullPointerException that would stop the router's consumer
        assertThat(ArmEventJson.read("null").error()).contains("JSON null");
        assertThat(ArmEventJson.read("null".getBytes(java.nio.charset.StandardCharsets.UTF_8)).error())
                .contains("JSON null");
        assertThat(ChatEventJson.read("null").error()).contains("JSON null");
        assertThat(ConfigEventJson.read("null").error()).contains("JSON null");
        assertThat(EntryPointEventJson.read("null").error()).contains("JSON null");
        assertThat(ArmEventJson.read(valid.replace("MAKE_AGENT_ROUTABLE_IND", "MAKE_AGENT_FLY")).error())
                .startsWith("field 'message'");
        assertThat(ArmEventJson.read(valid.replace("\"messageType\":154", "\"messageType\":155")).error())
                .isEqualTo("messageType 155 does not match MAKE_AGENT_ROUTABLE_IND (154)");
        assertThat(ArmEventJson.read(valid.replace("\"maxTasks\":2", "\"other\":2")).error())
                .isEqualTo("MAKE_AGENT_ROUTABLE_IND needs fields.maxTasks");
        assertThat(ArmEventJson.read(valid.replace("\"schemaVersion\":1", "\"schemaVersion\":2")).error())
                .startsWith("unsupported schemaVersion 2");
        assertThat(ArmEventJson.read(valid.replace("\"mrdId\":5000", "\"mrdId\":0")).error())
                .startsWith("mrdId must be a positive");
        assertThat(ArmEventJson.read(valid.replace("\"icmAgentId\":6420", "\"icmAgentId\":\"abc\"")).error())
                .startsWith("field 'icmAgentId'");
    }
}
