package dev.agentavailability.projection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentavailability.contract.arm.ArmEvent;
import dev.agentavailability.contract.arm.ArmFields;
import dev.agentavailability.contract.arm.ArmMessage;
import dev.agentavailability.contract.arm.IcmAgentState;
import dev.agentavailability.contract.config.ConfigEvent;
import dev.agentavailability.contract.config.MrdConfig;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** One test per clause of the availability rule. */
class AvailabilityRuleTest {

    private static final int CHAT = 5000;
    private static final int VOICE = 1;
    private static final int EMAIL = 5001;

    private final Events e = new Events(6420);
    private final ConfigView config = new ConfigView();

    AvailabilityRuleTest() {
        config.apply(ConfigEvent.upsert(new MrdConfig(VOICE, "Cisco_Voice", false), Instant.EPOCH), 0);
        config.apply(ConfigEvent.upsert(new MrdConfig(CHAT, "ECE_Chat", false), Instant.EPOCH), 1);
        config.apply(ConfigEvent.upsert(new MrdConfig(EMAIL, "ECE_Email", true), Instant.EPOCH), 2);
    }

    private AgentState run(ArmEvent... events) {
        AgentState agent = null;
        for (ArmEvent event : events) {
            agent = AgentTransitions.apply(agent, event);
        }
        return agent;
    }

    private AgentState readyInChat(long limit) {
        return run(e.login(CHAT, limit), e.routable(CHAT, limit), e.ready(CHAT));
    }

    @Test
    void loggedInRoutableReadyBelowTheLimitIsIcmAvailable() {
        Verdict verdict = AvailabilityRule.evaluate(readyInChat(2), CHAT, config, Set.of());
        assertThat(verdict.status()).isEqualTo(AgentAvailabilityStatus.ICM_AVAILABLE);
        assertThat(verdict.availableForNewTask()).isTrue();
    }

    @Test
    void notLoggedIn() {
        assertThat(AvailabilityRule.evaluate(null, CHAT, config, Set.of()).reasons()).containsExactly(Unavailability.NOT_LOGGED_IN);
        AgentState loggedOut = AgentTransitions.apply(readyInChat(2), e.logout(CHAT));
        assertThat(AvailabilityRule.evaluate(loggedOut, CHAT, config, Set.of()).availableForNewTask()).isFalse();
    }

    @Test
    void notReady() {
        AgentState agent = AgentTransitions.apply(readyInChat(2), e.notReady(CHAT, 7));
        Verdict verdict = AvailabilityRule.evaluate(agent, CHAT, config, Set.of());
        assertThat(verdict.status()).isEqualTo(AgentAvailabilityStatus.NOT_AVAILABLE);
        assertThat(verdict.reasons()).containsExactly(Unavailability.NOT_READY);
    }

    @Test
    void notRoutableIsOnlyApplicationAvailable() {
        AgentState agent = AgentTransitions.apply(readyInChat(2), e.notRoutable(CHAT));
        Verdict verdict = AvailabilityRule.evaluate(agent, CHAT, config, Set.of());
        assertThat(verdict.status()).isEqualTo(AgentAvailabilityStatus.APPLICATION_AVAILABLE);
        assertThat(verdict.reasons()).containsExactly(Unavailability.NOT_ROUTABLE);
        assertThat(verdict.availableForNewTask()).isFalse();
    }

    @Test
    void atTheTaskLimit() {
        AgentState one = AgentTransitions.apply(readyInChat(2), e.task(ArmMessage.START_TASK_IND, CHAT, 1));
        assertThat(AvailabilityRule.evaluate(one, CHAT, config, Set.of()).availableForNewTask()).isTrue();
        AgentState two = AgentTransitions.apply(one, e.task(ArmMessage.OFFER_TASK_IND, CHAT, 2));
        assertThat(AvailabilityRule.evaluate(two, CHAT, config, Set.of()).reasons()).containsExactly(Unavailability.AT_TASK_LIMIT);
        AgentState zeroLimit = readyInChat(0);
        assertThat(AvailabilityRule.evaluate(zeroLimit, CHAT, config, Set.of()).reasons()).containsExactly(Unavailability.AT_TASK_LIMIT);
    }

    @Test
    void busyOnANonInterruptibleTaskInAnotherMrd() {
        AgentState agent = run(e.login(CHAT, 2), e.routable(CHAT, 2), e.ready(CHAT),
                e.login(VOICE, 1), e.routable(VOICE, 1), e.ready(VOICE), e.task(ArmMessage.START_TASK_IND, VOICE, 1));
        assertThat(AvailabilityRule.evaluate(agent, CHAT, config, Set.of()).reasons())
                .containsExactly(Unavailability.BUSY_NON_INTERRUPTIBLE_ELSEWHERE);
    }

    @Test
    void aTaskInAnInterruptibleMrdDoesNotBlockOthers() {
        AgentState agent = run(e.login(CHAT, 2), e.routable(CHAT, 2), e.ready(CHAT),
                e.login(EMAIL, 1), e.routable(EMAIL, 1), e.ready(EMAIL), e.task(ArmMessage.START_TASK_IND, EMAIL, 1));
        assertThat(AvailabilityRule.evaluate(agent, CHAT, config, Set.of()).availableForNewTask()).isTrue();
    }

    @Test
    void aPausedTaskElsewhereDoesNotBlock() {
        AgentState agent = run(e.login(CHAT, 2), e.routable(CHAT, 2), e.ready(CHAT),
                e.login(VOICE, 1), e.routable(VOICE, 1), e.ready(VOICE), e.task(ArmMessage.START_TASK_IND, VOICE, 1),
                e.task(ArmMessage.PAUSE_TASK_IND, VOICE, 1));
        assertThat(AvailabilityRule.evaluate(agent, CHAT, config, Set.of()).availableForNewTask()).isTrue();
    }

    @Test
    void domainReportedUnavailableByTheApplicationPath() {
        Verdict verdict = AvailabilityRule.evaluate(readyInChat(2), CHAT, config, Set.of(CHAT));
        assertThat(verdict.status()).as("ICM's own status ignores the domain").isEqualTo(AgentAvailabilityStatus.ICM_AVAILABLE);
        assertThat(verdict.reasons()).containsExactly(Unavailability.DOMAIN_UNAVAILABLE);
        assertThat(AvailabilityRule.evaluate(readyInChat(2), CHAT, config, Set.of(EMAIL)).availableForNewTask()).isTrue();
    }

    @Test
    void interruptedByANonInterruptibleTaskElsewhereUntilTheInterruptIsDone() {
        AgentState agent = run(e.login(EMAIL, 2), e.routable(EMAIL, 2), e.ready(EMAIL),
                e.event(ArmMessage.AGENT_INTERRUPT_ADVISORY_EVENT, EMAIL, ArmFields.interrupt(VOICE)),
                e.event(ArmMessage.AGENT_INTERRUPT_ACCEPTED_IND, EMAIL, ArmFields.NONE));
        assertThat(agent.mrd(EMAIL).orElseThrow().state()).isEqualTo(IcmAgentState.INTERRUPTED);
        assertThat(AvailabilityRule.evaluate(agent, EMAIL, config, Set.of()).reasons())
                .containsExactly(Unavailability.INTERRUPTED);
        agent = AgentTransitions.apply(agent, e.event(ArmMessage.AGENT_INTERRUPT_DONE_ACCEPTED_IND, EMAIL, ArmFields.NONE));
        assertThat(agent.mrd(EMAIL).orElseThrow().state()).isEqualTo(IcmAgentState.NOT_ACTIVE);
        assertThat(AvailabilityRule.evaluate(agent, EMAIL, config, Set.of()).availableForNewTask()).isTrue();
    }
}
