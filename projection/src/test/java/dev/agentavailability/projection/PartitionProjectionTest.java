package dev.agentavailability.projection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentavailability.contract.ContractJson;
import dev.agentavailability.contract.arm.ArmEvent;
import dev.agentavailability.contract.arm.ArmMessage;
import dev.agentavailability.contract.arm.ArmStatus;
import dev.agentavailability.contract.availability.AvailabilityCounts;
import dev.agentavailability.contract.config.AgentConfig;
import dev.agentavailability.contract.config.ConfigEvent;
import dev.agentavailability.contract.config.MrdConfig;
import dev.agentavailability.contract.config.SkillGroupConfig;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PartitionProjectionTest {

    private final Events e = new Events(6420);
    private final List<ArmEvent> stream = List.of(e.login(5000, 1), e.routable(5000, 2), e.ready(5000),
            e.task(ArmMessage.START_TASK_IND, 5000, 1), e.task(ArmMessage.END_TASK_IND, 5000, 7),
            e.task(ArmMessage.END_TASK_IND, 5000, 1));

    @Test
    void theSameRecordsGiveTheSameStateAndRecordsBelowTheOffsetCountOnce() {
        PartitionProjection live = new PartitionProjection(0);
        for (int i = 0; i < stream.size(); i++) {
            live.apply(stream.get(i), i);
        }
        // A restart that resumes from offset 3 sees 3..5 again: they must not count twice.
        PartitionProjection restarted = new PartitionProjection(0);
        for (int i = 0; i < 3; i++) {
            restarted.apply(stream.get(i), i);
        }
        PartitionProjection resumed = restarted.copy();
        for (int i = 0; i < stream.size(); i++) {
            PartitionProjection.Outcome outcome = resumed.apply(stream.get(i), i);
            if (i < 3) {
                assertThat(outcome).isInstanceOf(PartitionProjection.AlreadyApplied.class);
            }
        }
        assertThat(ContractJson.write(resumed.agents())).isEqualTo(ContractJson.write(live.agents()));
        assertThat(resumed.nextOffset()).isEqualTo(6);
        assertThat(resumed.anomalies()).isEqualTo(1);
    }

    @Test
    void applyingToACopyLeavesTheOriginalAsItWas() {
        // the router publishes a partition's projection and applies the next batch to a copy of it
        PartitionProjection published = new PartitionProjection(0);
        for (int i = 0; i < 3; i++) {
            published.apply(stream.get(i), i);
        }
        String before = ContractJson.write(published.agents());
        PartitionProjection next = published.copy();
        next.apply(stream.get(3), 3);
        next.apply(new Events(6421).login(5000, 1), 4);

        assertThat(ContractJson.write(published.agents())).isEqualTo(before);
        assertThat(published.agent(6420).orElseThrow().mrds().get(5000).activeTasks()).isZero();
        assertThat(published.agent(6421)).isEmpty();
        assertThat(published.nextOffset()).isEqualTo(3);
        assertThat(next.agent(6420).orElseThrow().mrds().get(5000).activeTasks()).isEqualTo(1);
        assertThat(next.agents()).extracting(AgentState::icmAgentId).containsExactly(6420, 6421);
    }

    @Test
    void anIllegalEventIsAnAnomalyAndLeavesTheStateAlone() {
        PartitionProjection projection = new PartitionProjection(2);
        projection.apply(stream.get(0), 0);
        String before = ContractJson.write(projection.agents());
        PartitionProjection.Outcome outcome = projection.apply(e.task(ArmMessage.END_TASK_IND, 5000, 9), 1);

        assertThat(outcome).isInstanceOfSatisfying(PartitionProjection.Refused.class, refused -> {
            assertThat(refused.anomaly().status()).isEqualTo(ArmStatus.UNKNOWN_TASK);
            assertThat(refused.anomaly().partition()).isEqualTo(2);
            assertThat(refused.anomaly().offset()).isEqualTo(1);
        });
        assertThat(ContractJson.write(projection.agents())).isEqualTo(before);
        assertThat(projection.nextOffset()).isEqualTo(2);
    }

    @Test
    void aRepeatedDeliveryOfAnAppliedEventIsAnAnomalyAndDoesNotCountTwice() {
        PartitionProjection projection = new PartitionProjection(1);
        for (int i = 0; i < 4; i++) {
            projection.apply(stream.get(i), i);
        }
        ArmEvent offer = stream.get(3); // START_TASK_IND for task 1
        // the same event (same id) again at a later offset: a caller's resend or a second publisher's copy
        PartitionProjection.Outcome outcome = projection.apply(offer, 4);

        assertThat(outcome).isInstanceOfSatisfying(PartitionProjection.Refused.class, refused -> {
            assertThat(refused.anomaly().status()).isEqualTo(ArmStatus.DUPLICATE_EVENT);
            assertThat(refused.anomaly().eventId()).isEqualTo(offer.eventId());
            assertThat(refused.anomaly().offset()).isEqualTo(4);
            assertThat(refused.anomaly().reason()).contains(offer.eventId().toString(), "not applied again");
        });
        assertThat(projection.agent(6420).orElseThrow().mrds().get(5000).activeTasks()).isEqualTo(1);
        assertThat(projection.nextOffset()).isEqualTo(5);
    }

    @Test
    void aRepeatIsRecognisedAfterARestartFromTheStoredStateAsInAReplay() throws Exception {
        PartitionProjection live = new PartitionProjection(0);
        for (int i = 0; i < 4; i++) {
            live.apply(stream.get(i), i);
        }
        // the router stores agents as JSON with their offset; a restart reads them back
        AgentState stored = ContractJson.mapper().readValue(ContractJson.write(live.agent(6420).orElseThrow()),
                AgentState.class);
        java.util.TreeMap<Integer, AgentState> agents = new java.util.TreeMap<>(java.util.Map.of(6420, stored));
        PartitionProjection restarted = new PartitionProjection(0, 4, agents, java.util.Set.of(), 0, null);

        assertThat(restarted.apply(stream.get(2), 4)).isInstanceOf(PartitionProjection.Refused.class);
        assertThat(live.apply(stream.get(2), 4)).isInstanceOf(PartitionProjection.Refused.class);
        assertThat(ContractJson.write(restarted.agents())).isEqualTo(ContractJson.write(live.agents()));
    }

    @Test
    void anAgentRemembersOnlyItsLatestEventIds() {
        PartitionProjection projection = new PartitionProjection(0);
        ArmEvent login = e.login(5000, 1);
        projection.apply(login, 0);
        for (int i = 1; i <= AgentState.REMEMBERED_EVENTS; i++) {
            projection.apply(e.limit(5000, i), i);
        }
        AgentState agent = projection.agent(6420).orElseThrow();
        assertThat(agent.recentEventIds()).hasSize(AgentState.REMEMBERED_EVENTS).doesNotContain(login.eventId());
        // forgotten, so judged on the state alone: already logged in
        assertThat(projection.apply(login, 99)).isInstanceOfSatisfying(PartitionProjection.Refused.class,
                refused -> assertThat(refused.anomaly().status()).isEqualTo(ArmStatus.E_ARM_STAT_AGENT_ALREADY_LOGGED_IN));
    }

    @Test
    void countsAgentsPerSkillGroupIncludingTheDefaultGroupAndPerMrd() {
        ConfigView config = new ConfigView();
        Instant t = Instant.EPOCH;
        config.apply(ConfigEvent.upsert(new MrdConfig(5000, "ECE_Chat", false), t), 0);
        config.apply(ConfigEvent.upsert(new SkillGroupConfig(6928, "TEST_Chat", 5000, 70518, false), t), 1);
        config.apply(ConfigEvent.upsert(new SkillGroupConfig(6909, "CUCM.ECE_Chat.default.11006", 5000, 54839, true), t), 2);
        config.apply(ConfigEvent.upsert(new SkillGroupConfig(7000, "OTHER_Chat", 5000, 70600, false), t), 3);
        config.apply(ConfigEvent.upsert(new AgentConfig(6420, "CUCM.Agent_test", 15003, List.of(6928)), t), 4);

        PartitionProjection projection = new PartitionProjection(0);
        for (int i = 0; i < 4; i++) {
            projection.apply(stream.get(i), i);
        }
        var bySkillGroup = AvailabilityCounter.bySkillGroup(projection, config);
        AvailabilityCounts expected = new AvailabilityCounts(1, 1, 1, 1, 0, 0, 1, 2, 0);
        assertThat(bySkillGroup).containsOnlyKeys(6928, 6909);
        assertThat(bySkillGroup.get(6928)).isEqualTo(expected);
        assertThat(AvailabilityCounter.byMrd(projection, config)).containsEntry(5000, expected);
    }
}
