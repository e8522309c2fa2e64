package dev.agentavailability.projection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentavailability.contract.arm.ArmEvent;
import dev.agentavailability.contract.arm.ArmFields;
import dev.agentavailability.contract.arm.ArmMessage;
import dev.agentavailability.contract.config.AgentConfig;
import dev.agentavailability.contract.config.ConfigEvent;
import dev.agentavailability.contract.config.ConfigItem;
import dev.agentavailability.contract.config.MrdConfig;
import dev.agentavailability.contract.config.SkillGroupConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Replays the tech note's scenario for agent 6420 and prints it as rttest does, line for line. */
class ScenarioRttestTest {

    private static final Instant NOW = Instant.parse("2019-08-19T13:41:00Z");

    static ConfigView techNoteConfig() {
        ConfigView config = new ConfigView();
        List<ConfigItem> items = List.of(
                new MrdConfig(1, "Cisco_Voice", false),
                new MrdConfig(5000, "ECE_Chat", false),
                new SkillGroupConfig(6274, "TEST_SG", 1, 70520, false),
                new SkillGroupConfig(5000, "CUCM_PIM1.Cisco_Voice.defa.88025", 1, 31858, true),
                new SkillGroupConfig(6928, "TEST_Chat", 5000, 70518, false),
                new SkillGroupConfig(6909, "CUCM.ECE_Chat.default.11006", 5000, 54839, true),
                new AgentConfig(6420, "CUCM.Agent_test", 15003, List.of(6274, 6928)));
        for (int i = 0; i < items.size(); i++) {
            config.apply(ConfigEvent.upsert(items.get(i), Instant.EPOCH), i);
        }
        return config;
    }

    @Test
    void agent6420PrintsAsTheTechNoteShowsIt() throws IOException {
        // Voice: signed in through the voice peripheral, routable (AgentMode 1), Not Ready for 411 s.
        // Chat: ECE's sequence of login, routable with MaxTasks 2 and ready, ready for 383 s.
        List<ArmEvent> events = List.of(
                event(ArmMessage.MEDIA_LOGIN_REQ, 1, ArmFields.mediaLogin(1, false, 1, null), 411),
                event(ArmMessage.MEDIA_LOGIN_REQ, 5000, ArmFields.mediaLogin(0, false, 1, "6420"), 390),
                event(ArmMessage.MAKE_AGENT_ROUTABLE_IND, 5000, ArmFields.maxTasks(2), 383),
                event(ArmMessage.MAKE_AGENT_READY_IND, 5000, ArmFields.makeRoutable(true), 383));
        PartitionProjection projection = new PartitionProjection(0);
        for (int i = 0; i < events.size(); i++) {
            assertThat(projection.apply(events.get(i), i)).isInstanceOf(PartitionProjection.Applied.class);
        }

        String printed = RttestFormat.format(projection.agent(6420).orElseThrow(), techNoteConfig(), Set.of(), NOW);

        assertThat(printed.lines()).containsExactlyElementsOf(expected().lines().toList());
    }

    @Test
    void aDomainReportedUnavailableShowsDInsteadOfA() {
        PartitionProjection projection = new PartitionProjection(0);
        projection.apply(event(ArmMessage.MEDIA_LOGIN_REQ, 5000, ArmFields.mediaLogin(0, false, 2, null), 60), 0);
        projection.apply(event(ArmMessage.MAKE_AGENT_READY_IND, 5000, ArmFields.makeRoutable(true), 50), 1);
        projection.apply(new ArmEvent(ArmEvent.SCHEMA_VERSION, java.util.UUID.randomUUID(),
                ArmMessage.APP_PATH_DOMAIN_STATUS_EVENT, ArmMessage.APP_PATH_DOMAIN_STATUS_EVENT.type(),
                NOW.minusSeconds(40), 0, 5000, 0, ArmFields.domainStatus(5001, false), "test"), 2);

        String printed = RttestFormat.format(projection.agent(6420).orElseThrow(), techNoteConfig(),
                projection.unavailableDomains(), NOW);

        assertThat(printed).contains("domain: ECE_Chat (5000), state = [na-0:2,RD], 50 secs");
    }

    private static ArmEvent event(ArmMessage message, int mrd, ArmFields fields, int secondsAgo) {
        return ArmEvent.of(message, NOW.minusSeconds(secondsAgo), 80170, mrd, 6420, fields, "test");
    }

    private static String expected() throws IOException {
        try (InputStream in = ScenarioRttestTest.class.getResourceAsStream("/rttest-agent-6420.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
