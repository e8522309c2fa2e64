package dev.agentavailability.listener.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentavailability.contract.arm.ArmStatus;
import dev.agentavailability.contract.config.AgentConfig;
import dev.agentavailability.contract.config.ApplicationPathConfig;
import dev.agentavailability.contract.config.ConfigEvent;
import dev.agentavailability.contract.config.ConfigItem;
import dev.agentavailability.contract.config.MrdConfig;
import dev.agentavailability.contract.config.SkillGroupConfig;
import dev.agentavailability.projection.ConfigView;
import dev.agentavailability.projection.Refusal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoginPolicyTest {

    private final LoginPolicy policy = new LoginPolicy(5001);

    /** The tech note's setup: agent 6420 in TEST_Chat (MRD 5000) and TEST_SG (MRD 1); path 5001 serves MRD 5000. */
    private static ConfigView techNote(ConfigItem... more) {
        ConfigView view = new ConfigView();
        List<ConfigItem> items = new java.util.ArrayList<>(List.of(
                new MrdConfig(1, "Cisco_Voice", false),
                new MrdConfig(5000, "ECE_Chat", false),
                new MrdConfig(5001, "ECE_Email", true),
                new SkillGroupConfig(6274, "TEST_SG", 1, 70520, false),
                new SkillGroupConfig(6928, "TEST_Chat", 5000, 70518, false),
                new SkillGroupConfig(6909, "CUCM.ECE_Chat.default.11006", 5000, 54839, true),
                new AgentConfig(6420, "CUCM.Agent_test", 15003, List.of(6274, 6928, 6909)),
                new AgentConfig(5033, "no.chat", 15004, List.of(6909)),
                new ApplicationPathConfig(5001, "ECE", List.of(5000, 5001))));
        items.addAll(List.of(more));
        long offset = 0;
        for (ConfigItem item : items) {
            view.apply(ConfigEvent.upsert(item, Instant.EPOCH), offset++);
        }
        return view;
    }

    @Test
    void letsAConfiguredAgentIntoAnMrdOfThePathWhereItHasASkillGroup() {
        assertThat(policy.check(techNote(), 6420, 5000)).isEmpty();
    }

    @Test
    void refusesAnMrdThatIsNotConfigured() {
        assertThat(status(policy.check(techNote(), 6420, 4242))).isEqualTo(ArmStatus.E_ARM_STAT_MRD_LIST_ENTRY_NOT_FOUND);
    }

    @Test
    void refusesAnAgentThatIsNotConfigured() {
        assertThat(policy.check(techNote(), 9999, 5000)).get()
                .satisfies(r -> assertThat(r.status()).isEqualTo(ArmStatus.E_ARM_STAT_AGENT_NOT_FOUND))
                .satisfies(r -> assertThat(r.reason()).contains("agent 9999"));
    }

    @Test
    void refusesAnMrdThatIsNotOnTheApplicationPath() {
        assertThat(policy.check(techNote(), 6420, 1)).get()
                .satisfies(r -> assertThat(r.status()).isEqualTo(ArmStatus.E_ARM_STAT_LOGIN_NOT_ALLOWED_FOR_APP_PATH))
                .satisfies(r -> assertThat(r.reason()).contains("MRD 1 is not on application path 5001"));
    }

    @Test
    void refusesEveryMrdWhenTheApplicationPathIsNotConfigured() {
        assertThat(status(new LoginPolicy(7777).check(techNote(), 6420, 5000)))
                .isEqualTo(ArmStatus.E_ARM_STAT_LOGIN_NOT_ALLOWED_FOR_APP_PATH);
    }

    @Test
    void refusesAnAgentWithoutAConfiguredSkillGroupInTheMrd() {
        // 6420 has no skill group in 5001; 5033 is only in 5000's default group, which ICM adds by itself.
        assertThat(status(policy.check(techNote(), 6420, 5001))).isEqualTo(ArmStatus.NO_SKILL_GROUP_IN_MRD);
        assertThat(status(policy.check(techNote(), 5033, 5000))).isEqualTo(ArmStatus.NO_SKILL_GROUP_IN_MRD);
    }

    @Test
    void checksTheMrdBeforeTheAgentAndThePathBeforeTheSkillGroups() {
        assertThat(status(policy.check(techNote(), 9999, 4242))).isEqualTo(ArmStatus.E_ARM_STAT_MRD_LIST_ENTRY_NOT_FOUND);
        assertThat(status(policy.check(techNote(new AgentConfig(7000, "nobody", 1, List.of())), 7000, 1)))
                .isEqualTo(ArmStatus.E_ARM_STAT_LOGIN_NOT_ALLOWED_FOR_APP_PATH);
    }

    private static ArmStatus status(java.util.Optional<Refusal> refusal) {
        assertThat(refusal).isPresent();
        return refusal.get().status();
    }
}
