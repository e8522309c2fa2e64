package dev.agentavailability.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentavailability.contract.arm.ArmEvent;
import dev.agentavailability.projection.AgentMrdState;
import dev.agentavailability.projection.AgentState;
import dev.agentavailability.projection.AgentTransitions;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Listener, router and entry point in one deterministic object: agent actions go through the projection's own
 * transition rules (an action they would refuse fails the test), the "router" offers each chat that waited
 * a step to the first agent with room, and initialize answers 0 when an agent could take a chat. The plan sees
 * the agents as the simulator would after a GET on the listener.
 */
final class FakeSystem {

    static final int MRD = 5000;
    static final int QUEUE_MAX = 3;

    final TrafficModel model;
    private final List<Integer> agentIds;
    private final Map<Integer, AgentState> truth = new HashMap<>();
    private final List<WaitingChat> queue = new ArrayList<>();
    private final Map<Integer, Boolean> routableSinceLogin = new HashMap<>();
    private long chats;

    FakeSystem(List<Integer> agentIds, List<Long> entryPoints) {
        this.agentIds = List.copyOf(agentIds);
        this.model = new TrafficModel(MRD, agentIds, entryPoints);
    }

    /** Runs the plan for the given number of steps and returns its actions. */
    List<Action> run(TrafficPlan plan, int steps) {
        List<Action> actions = new ArrayList<>();
        for (int i = 0; i < steps; i++) {
            // Chats started in this step wait at least until the next one, as they would for a real router.
            int waitedAStep = queue.size();
            Action action = plan.next(model);
            actions.add(action);
            perform(action);
            route(Math.min(waitedAStep, queue.size()));
            for (int id : agentIds) {
                AgentMrdState m = mrd(id);
                if (m != null) {
                    assertThat(m.activeTasks()).as("tasks of agent %d after %s", id, action)
                            .isLessThanOrEqualTo((int) m.taskLimit());
                }
            }
        }
        return actions;
    }

    private void perform(Action action) {
        if (action instanceof Action.AgentAction a) {
            int id = a.icmAgentId();
            SimAgent before = model.agent(id);
            // The ARM order of ECE, as the plan's local view sees it: login, routable, ready.
            if (!(action instanceof Action.Login)) {
                assertThat(before.loggedIn()).as("%s needs a login first", action).isTrue();
            }
            if (action instanceof Action.Login) {
                routableSinceLogin.put(id, false);
            }
            if (action instanceof Action.Routable) {
                routableSinceLogin.put(id, true);
            }
            if (action instanceof Action.Ready) {
                assertThat(routableSinceLogin.get(id)).as("%s before routable", action).isTrue();
            }
            if (action instanceof Action.Logout) {
                assertThat(before.tasks()).as("%s with tasks", action).isEmpty();
                assertThat(before.ready()).as("%s while ready", action).isFalse();
            }
            ArmEvent event = ListenerRules.event(a);
            assertThat(AgentTransitions.check(truth.get(id), event)).as("listener's verdict on %s", action).isEmpty();
            truth.put(id, AgentTransitions.apply(truth.get(id), event));
            model.accepted(action);
            assertThat(model.agent(id)).as("local view after %s", action)
                    .isEqualTo(ListenerRules.view(id, truth.get(id), MRD));
        } else if (action instanceof Action.OpenChatPage page) {
            if (answer() == 0 && page.startsChat()) {
                chats++;
                String chatId = UUID.nameUUIDFromBytes(("chat " + chats).getBytes(StandardCharsets.UTF_8)).toString();
                WaitingChat chat = WaitingChat.started(page.entryPointId(), chatId,
                        Instant.EPOCH);
                queue.add(chat);
                model.chatStarted(chat);
            }
        } else if (action instanceof Action.Abandon abandon) {
            assertThat(queue).as("abandons only a waiting chat").anyMatch(c -> c.chatId().equals(abandon.chatId()));
            queue.removeIf(c -> c.chatId().equals(abandon.chatId()));
            model.accepted(action);
        }
    }

    /** 0 when an agent has room or all are busy and the queue has room, else 1 (nobody could take it). */
    private int answer() {
        boolean available = false;
        boolean busy = false;
        for (int id : agentIds) {
            AgentMrdState m = mrd(id);
            if (m != null && m.loggedIn() && m.ready() && m.routable()) {
                available |= !m.atTaskLimit();
                busy |= m.atTaskLimit();
            }
        }
        return available || (busy && queue.size() < QUEUE_MAX) ? 0 : 1;
    }

    /** Offers the oldest waiting chats (at most {@code chats}) each to the first agent with room. */
    private void route(int chats) {
        for (int i = 0; i < chats && !queue.isEmpty(); i++) {
            Integer agent = agentIds.stream().filter(id -> {
                AgentMrdState m = mrd(id);
                return m != null && m.loggedIn() && m.ready() && m.routable() && !m.atTaskLimit();
            }).findFirst().orElse(null);
            if (agent == null) {
                return;
            }
            WaitingChat chat = queue.remove(0);
            ArmEvent offer = ListenerRules.offer(agent, MRD, chat.taskId());
            assertThat(AgentTransitions.check(truth.get(agent), offer)).isEmpty();
            truth.put(agent, AgentTransitions.apply(truth.get(agent), offer));
            model.refreshed(ListenerRules.view(agent, truth.get(agent), MRD));
        }
    }

    private AgentMrdState mrd(int id) {
        AgentState state = truth.get(id);
        return state == null ? null : state.mrds().get(MRD);
    }
}
