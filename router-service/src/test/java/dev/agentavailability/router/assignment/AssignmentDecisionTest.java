package dev.agentavailability.router.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentavailability.contract.arm.IcmAgentState;
import dev.agentavailability.contract.arm.TaskId;
import dev.agentavailability.contract.chat.ChatEvent;
import dev.agentavailability.contract.config.AgentConfig;
import dev.agentavailability.contract.config.ConfigEvent;
import dev.agentavailability.contract.config.ConfigItem;
import dev.agentavailability.contract.config.MrdConfig;
import dev.agentavailability.contract.config.SkillGroupConfig;
import dev.agentavailability.projection.AgentMrdState;
import dev.agentavailability.projection.AgentState;
import dev.agentavailability.projection.ConfigView;
import dev.agentavailability.projection.TaskEntry;
import dev.agentavailability.projection.TaskStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AssignmentDecisionTest {

    private static final int CHAT = 5000;
    private static final int TEST_CHAT = 6928;
    private static final int OTHER_CHAT = 7000;
    private static final Instant T0 = Instant.parse("2019-08-19T13:34:09Z");

    private final ConfigView config = config(
            new MrdConfig(CHAT, "ECE_Chat", false),
            new SkillGroupConfig(TEST_CHAT, "TEST_Chat", CHAT, 70518, false),
            new SkillGroupConfig(OTHER_CHAT, "OTHER_Chat", CHAT, 70600, false),
            new AgentConfig(1, "a1", 1, List.of(TEST_CHAT)),
            new AgentConfig(2, "a2", 2, List.of(TEST_CHAT)),
            new AgentConfig(3, "a3", 3, List.of(TEST_CHAT)),
            new AgentConfig(4, "a4", 4, List.of(OTHER_CHAT)));

    @Test
    void theLongestAvailableAgentGetsTheOldestChat() {
        WaitingChat first = chat(1001, 0);
        WaitingChat second = chat(1001, 1);
        List<Assignment> chosen = AssignmentDecision.decide(List.of(first, second),
                List.of(ready(1, 1, 0, T0.plusSeconds(30)), ready(2, 1, 0, T0.plusSeconds(10)),
                        ready(3, 1, 0, T0.plusSeconds(20))),
                config, Map.of());

        assertThat(chosen).containsExactly(new Assignment(first, 2, CHAT, ChatEvent.taskIdFor(first.chatId())));
    }

    @Test
    void anIdleAgentComesBeforeAnActiveOneAndFewerTasksBeforeMore() {
        WaitingChat chat = chat(1001, 0);
        // Agent 1 has been ACTIVE the longest, but agent 3 is idle; agent 2 holds fewer tasks than agent 1.
        assertThat(agentFor(chat, ready(1, 3, 2, T0), ready(2, 3, 1, T0.plusSeconds(5)),
                ready(3, 3, 0, T0.plusSeconds(50)))).isEqualTo(3);
        assertThat(agentFor(chat, ready(1, 3, 2, T0), ready(2, 3, 1, T0.plusSeconds(5)))).isEqualTo(2);
        assertThat(agentFor(chat, ready(1, 3, 1, T0.plusSeconds(9)), ready(2, 3, 1, T0.plusSeconds(5)))).isEqualTo(2);
    }

    @Test
    void anAgentAtItsLimitOrWithPendingAssignmentsUpToItIsNotChosen() {
        WaitingChat chat = chat(1001, 0);
        assertThat(agentFor(chat, ready(1, 1, 1, T0))).isNull();
        assertThat(AssignmentDecision.decide(List.of(chat), List.of(ready(1, 1, 0, T0)), config,
                Map.of(new AgentMrd(1, CHAT), 1))).isEmpty();
        assertThat(AssignmentDecision.decide(List.of(chat), List.of(ready(1, 2, 0, T0), ready(2, 2, 0, T0.plusSeconds(1))),
                config, Map.of(new AgentMrd(1, CHAT), 1))).extracting(Assignment::icmAgentId).containsExactly(2);
    }

    @Test
    void eachEntryPointGetsOneChatPerRoundAndAChoiceCountsForTheNext() {
        WaitingChat a = chat(1001, 0);
        WaitingChat b = chat(1002, 1);
        List<Assignment> chosen = AssignmentDecision.decide(List.of(a, chat(1001, 2), b),
                List.of(ready(1, 1, 0, T0), ready(2, 1, 0, T0.plusSeconds(1))), config, Map.of());
        assertThat(chosen).extracting(x -> x.chat().chatId(), Assignment::icmAgentId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(a.chatId(), 1),
                        org.assertj.core.groups.Tuple.tuple(b.chatId(), 2));
    }

    @Test
    void onlyAgentsOfTheChatsSkillGroupsAreChosen() {
        WaitingChat chat = chat(1001, 0);
        assertThat(agentFor(chat, ready(4, 1, 0, T0))).isNull();
        assertThat(agentFor(chat, ready(4, 1, 0, T0), ready(3, 1, 0, T0.plusSeconds(9)))).isEqualTo(3);
    }

    @Test
    void notReadyNotRoutableNotLoggedInAndUnavailableDomainsAreExcluded() {
        WaitingChat chat = chat(1001, 0);
        assertThat(agentFor(chat, candidate(1, true, true, false, 1, 0, T0))).isNull();
        assertThat(agentFor(chat, candidate(1, true, false, true, 1, 0, T0))).isNull();
        assertThat(agentFor(chat, candidate(1, false, false, false, 1, 0, T0))).isNull();
        assertThat(AssignmentDecision.decide(List.of(chat), List.of(new AgentCandidate(agent(1, true, true, true, 1, 0,
                T0), Set.of(CHAT))), config, Map.of())).isEmpty();
        assertThat(agentFor(chat, candidate(1, true, true, true, 1, 0, T0))).isEqualTo(1);
    }

    private Integer agentFor(WaitingChat chat, AgentCandidate... agents) {
        List<Assignment> chosen = AssignmentDecision.decide(List.of(chat), List.of(agents), config, Map.of());
        return chosen.isEmpty() ? null : chosen.get(0).icmAgentId();
    }

    private static WaitingChat chat(long entryPoint, int second) {
        return new WaitingChat(entryPoint, UUID.randomUUID(), CHAT, List.of(TEST_CHAT), T0.plusSeconds(second), 0);
    }

    private static AgentCandidate ready(int id, long limit, int tasks, Instant since) {
        return candidate(id, true, true, true, limit, tasks, since);
    }

    private static AgentCandidate candidate(int id, boolean loggedIn, boolean routable, boolean ready, long limit,
            int tasks, Instant since) {
        return new AgentCandidate(agent(id, loggedIn, routable, ready, limit, tasks, since), Set.of());
    }

    private static AgentState agent(int id, boolean loggedIn, boolean routable, boolean ready, long limit, int tasks,
            Instant since) {
        List<TaskEntry> entries = new ArrayList<>();
        for (int i = 0; i < tasks; i++) {
            entries.add(new TaskEntry(new TaskId(0, id * 100L + i, 0), TaskStatus.ACTIVE, since));
        }
        IcmAgentState state = !loggedIn ? IcmAgentState.LOGOUT : tasks > 0 ? IcmAgentState.ACTIVE
                : ready ? IcmAgentState.NOT_ACTIVE : IcmAgentState.NOT_READY;
        TreeMap<Integer, AgentMrdState> mrds = new TreeMap<>();
        mrds.put(CHAT, new AgentMrdState(CHAT, loggedIn, routable, ready, 0, limit, entries, false, state, since));
        return new AgentState(id, mrds);
    }

    static ConfigView config(ConfigItem... items) {
        ConfigView view = new ConfigView();
        long offset = 0;
        for (ConfigItem item : items) {
            view.apply(ConfigEvent.upsert(item, T0), offset++);
        }
        return view;
    }
}
