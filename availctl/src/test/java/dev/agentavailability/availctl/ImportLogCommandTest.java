package dev.agentavailability.availctl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.agentavailability.contract.Decoded;
import dev.agentavailability.contract.arm.ArmEvent;
import dev.agentavailability.contract.arm.ArmEventJson;
import dev.agentavailability.contract.arm.ArmFields;
import dev.agentavailability.contract.arm.ArmMessage;
import dev.agentavailability.contract.wire.ArmWireMapping;
import dev.agentavailability.contract.wire.ByteDump;
import dev.agentavailability.contract.wire.CtiCodec;
import dev.agentavailability.contract.wire.TagWidth;
import dev.agentavailability.testsupport.TestInfrastructure;
import dev.agentavailability.testsupport.TestKafka;
import dev.agentavailability.testsupport.TestTopics;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportLogCommandTest {

    /** The two records of scenarios.md "ECE listener log records", lines 1-5 and 6-10. */
    static final String SCENARIO_RECORDS = """
            2019-07-20 18:27:31.749 GMT+0000 <@> INFO <@> [14285:listener-event-pool-priority-arm-request-executor::-0] <@> ProcessId:4584
            <@> PID:1 <@> UID:1005 <@> HttpSessionId:IrltMMd3T0prrkbhAwK8wkL5 <@>
            com.ipcc.listener.arm.ARMLogger <@>
            <@> Sending MEDIA_LOGIN_REQ -> 0 0 0 27 0 0 0 -105 0 2 8 1 0 0 19 -120 0 0 19 -87 0 0 0 0 0 0 0
            1 107 5 49 48 48 53 0 <@>
            2019-08-19 13:34:09.773 GMT+0000 <@> INFO <@> [8938:listener-event-pool-priority-arm-request-executor::-441] <@> ProcessId:5436 <@> PID:1 <@> UID:12 <@> HttpSessionId: <@> com.ipcc.listener.AgentAvailabilityStatusHandler <@> <@>
            AgentAvailabilityStatusHandler:agentIsAvailable() MAKE_AGENT_ROUTABLE_IND to ARM
            armLoginDataArraySize= ARMAgentData
            =====
            2019-08-19 13:34:09.773 GMT+0000 <@> INFO <@> [8938:listener-event-pool-priority-arm-request-executor::-441] <@> ProcessId:5436 <@> PID:1 <@> UID:12 <@> HttpSessionId: <@> com.ipcc.listener.arm.ARMLogger <@> <@> Sending MAKE_AGENT_ROUTABLE_IND -> 0 0 0 16 0 0 0 -102 0 1 57 43 0 0 19 -120 0 0 25 20 0 0 0 2 <@>
            """;

    /** Line 11: a MEDIA_LOGIN_REQ whose AgentInfo declares 5 bytes of which only 3 are there. */
    static final String BROKEN_RECORD = "2019-08-19 13:34:10.120 GMT+0000 <@> INFO <@> [8938:pool::-441] <@> "
            + "ProcessId:5436 <@> PID:1 <@> UID:12 <@> HttpSessionId: <@> com.ipcc.listener.arm.ARMLogger <@> <@> "
            + "Sending MEDIA_LOGIN_REQ -> 0 0 0 25 0 0 0 -105 0 2 8 1 0 0 19 -120 0 0 19 -87 0 0 0 0 0 0 0 1 107 5 "
            + "49 48 48 <@>\n";

    static final Instant LOGIN_AT = Instant.parse("2019-07-20T18:27:31.749Z");
    static final Instant ROUTABLE_AT = Instant.parse("2019-08-19T13:34:09.773Z");

    @TempDir
    Path dir;

    @Test
    void dryRunCountsFramesSkippedAndUnreadableRecords() throws IOException {
        Path log = write("app.log", SCENARIO_RECORDS + BROKEN_RECORD);

        Cli.Result result = Cli.run("import-log", log.toString(), "--topic", "arm.agent-events.incident",
                "--dry-run");

        assertThat(result.exitCode()).as("stderr: %s", result.err()).isEqualTo(ExitCodes.BAD_INPUT);
        List<String> lines = result.out().lines().toList();
        assertThat(lines).hasSize(3);
        List<ArmEvent> events = lines.subList(0, 2).stream().map(ImportLogCommandTest::event).toList();
        assertThat(events).extracting(ArmEvent::message, ArmEvent::key, ArmEvent::invokeId, ArmEvent::occurredAt,
                ArmEvent::source).containsExactly(
                        tuple(ArmMessage.MEDIA_LOGIN_REQ, "5033", 133121L, LOGIN_AT, "import-log"),
                        tuple(ArmMessage.MAKE_AGENT_ROUTABLE_IND, "6420", 80171L, ROUTABLE_AT, "import-log"));
        assertThat(lines.get(2)).isEqualTo("import-log: dry run, 2 frames decoded for "
                + "arm.agent-events.incident (first 2019-07-20T18:27:31.749Z, last 2019-08-19T13:34:09.773Z), "
                + "nothing published, 1 record skipped (not a frame), 1 unreadable (reported on stderr)");
        assertThat(result.err().lines().toList()).containsExactly("availctl: " + log + " line 11: frame "
                + "MEDIA_LOGIN_REQ: offset 28: floating field tag 107 (AgentInfo) declares 5 bytes but only 3 remain");
        result.assertNoStackTrace();
    }

    @Test
    void dryRunOfACleanLogExitsZero() throws IOException {
        Path log = write("clean.log", SCENARIO_RECORDS);

        Cli.Result result = Cli.run("import-log", log.toString(), "--topic", "t", "--dry-run");

        assertThat(result.exitCode()).as("stderr: %s", result.err()).isZero();
        assertThat(result.err()).isEmpty();
        assertThat(result.out().lines().toList()).hasSize(3);
        assertThat(result.out()).contains("2 frames decoded", "1 record skipped (not a frame), 0 unreadable");
    }

    @Test
    void aMissingFileIsOneLineAndExitTwo() {
        Path missing = dir.resolve("nowhere.log");

        Cli.run("import-log", missing.toString(), "--topic", "t", "--dry-run")
                .failsWithOneLine(ExitCodes.BAD_INPUT, "cannot read " + missing, "no such file");
    }

    @Test
    void withoutTopicIsAUsageError() throws IOException {
        Path log = write("app.log", SCENARIO_RECORDS);

        Cli.Result result = Cli.run("import-log", log.toString(), "--dry-run");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(result.err()).contains("--topic");
    }

    @Test
    void publishesEveryFrameWithItsKeyAndOriginalTimeInFileOrder() throws IOException {
        String bootstrap = TestInfrastructure.get().bootstrapServers();
        String topic = "import-log-" + UUID.randomUUID();
        TestTopics.create(bootstrap, topic, 3);
        Instant domainAt = Instant.parse("2019-08-19T13:34:09.500Z");
        // file order: login (agent 5033), handler text, domain status (MRD-wide), routable (agent 6420), broken
        String[] scenario = SCENARIO_RECORDS.split("(?m)^(?=2019-08-19 13:34:09.773)");
        Path log = write("app.log", scenario[0] + domainStatusRecord(domainAt) + scenario[1] + scenario[2]
                + BROKEN_RECORD);

        Cli.Result result = Cli.run("import-log", log.toString(), "--topic", topic, "--bootstrap-servers",
                bootstrap, "--source", "incident-42");

        assertThat(result.exitCode()).as("stderr: %s", result.err()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(result.out().strip()).isEqualTo("import-log: 3 frames published to " + topic
                + " as 5 records (MRD-wide messages on every partition) (first 2019-07-20T18:27:31.749Z, "
                + "last 2019-08-19T13:34:09.773Z), 1 record skipped (not a frame), 1 unreadable (reported on stderr)");
        assertThat(result.err()).contains(log + " line 12: frame MEDIA_LOGIN_REQ: offset 28:");

        List<ConsumerRecord<String, String>> records = TestKafka.readAll(bootstrap, topic);
        assertThat(records).hasSize(5);
        Map<Integer, List<ArmEvent>> byPartition = new HashMap<>();
        List<ArmEvent> perAgent = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            ArmEvent event = event(record.value());
            assertThat(record.key()).isEqualTo(event.key());
            assertThat(event.source()).isEqualTo("incident-42");
            byPartition.computeIfAbsent(record.partition(), p -> new ArrayList<>()).add(event);
            if (event.message().isPerAgent()) {
                perAgent.add(event);
            }
        }
        assertThat(perAgent).extracting(ArmEvent::key, ArmEvent::message, ArmEvent::occurredAt, ArmEvent::invokeId)
                .containsExactlyInAnyOrder(
                        tuple("5033", ArmMessage.MEDIA_LOGIN_REQ, LOGIN_AT, 133121L),
                        tuple("6420", ArmMessage.MAKE_AGENT_ROUTABLE_IND, ROUTABLE_AT,
                                80171L));
        // the MRD-wide status is on every partition, and each partition holds its events in file order
        assertThat(byPartition).hasSize(3);
        List<ArmMessage> fileOrder = List.of(ArmMessage.MEDIA_LOGIN_REQ, ArmMessage.APP_PATH_DOMAIN_STATUS_EVENT,
                ArmMessage.MAKE_AGENT_ROUTABLE_IND);
        for (List<ArmEvent> events : byPartition.values()) {
            assertThat(events).filteredOn(e -> e.message() == ArmMessage.APP_PATH_DOMAIN_STATUS_EVENT)
                    .singleElement()
                    .satisfies(e -> {
                        assertThat(e.key()).isEqualTo("APP_PATH:7/MRD:5000");
                        assertThat(e.occurredAt()).isEqualTo(domainAt);
                    });
            List<ArmMessage> messages = events.stream().map(ArmEvent::message).toList();
            assertThat(messages).isSortedAccordingTo((a, b) -> fileOrder.indexOf(a) - fileOrder.indexOf(b));
        }
    }

    @Test
    void aMissingTopicExitsOneNamingIt() throws IOException {
        String bootstrap = TestInfrastructure.get().bootstrapServers();
        String topic = "import-log-missing-" + UUID.randomUUID();
        Path log = write("app.log", SCENARIO_RECORDS);

        Cli.run("import-log", log.toString(), "--topic", topic, "--bootstrap-servers", bootstrap)
                .failsWithOneLine(ExitCodes.FAILURE, "topic " + topic + " does not exist", "create it first");
        assertThat(TestKafka.readAll(bootstrap, topic)).isEmpty();
    }

    @Test
    void anUnreachableBrokerExitsOne() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = write("app.log", SCENARIO_RECORDS);

        Cli.run("import-log", log.toString(), "--topic", "t", "--bootstrap-servers", "127.0.0.1:" + port)
                .failsWithOneLine(ExitCodes.FAILURE, "Kafka at 127.0.0.1:" + port + " is not reachable");
    }

    /** An APP_PATH_DOMAIN_STATUS_EVENT record as the listener would log it, built with the codec. */
    private static String domainStatusRecord(Instant at) {
        ArmEvent event = ArmEvent.of(ArmMessage.APP_PATH_DOMAIN_STATUS_EVENT, at, 0, 5000, 0,
                ArmFields.domainStatus(7, false), "test");
        byte[] frame = new CtiCodec().encode(ArmWireMapping.toWire(event), TagWidth.ONE_BYTE);
        return "2019-08-19 13:34:09.500 GMT+0000 <@> INFO <@> [1:pool] <@> com.ipcc.listener.arm.ARMLogger <@> <@> "
                + "Received APP_PATH_DOMAIN_STATUS_EVENT -> " + ByteDump.signedDecimal(frame) + " <@>\n";
    }

    private static ArmEvent event(String json) {
        Decoded<ArmEvent> decoded = ArmEventJson.read(json);
        assertThat(decoded.isValid()).as("%s: %s", json, decoded.error()).isTrue();
        return decoded.value();
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }
}
