package dev.agentavailability.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The simulator's local view of its agents and customers: changed by every action a service accepted and
 * brought in line with listener-service's answer to {@code GET /agents/{id}} (where the router's offers show
 * up). Not thread-safe: one run owns it.
 */
public final class TrafficModel implements TrafficView {

    private final int mrdId;
    private final List<Long> entryPointIds;
    private final Map<Integer, SimAgent> agents = new LinkedHashMap<>();
    private final List<WaitingChat> waiting = new ArrayList<>();

    public TrafficModel(int mrdId, List<Integer> agentIds, List<Long> entryPointIds) {
        this.mrdId = mrdId;
        this.entryPointIds = List.copyOf(entryPointIds);
        for (int id : agentIds) {
            agents.put(id, SimAgent.loggedOut(id));
        }
    }

    @Override
    public int mrdId() {
        return mrdId;
    }

    @Override
    public List<SimAgent> agents() {
        return List.copyOf(agents.values());
    }

    public SimAgent agent(int icmAgentId) {
        return agents.get(icmAgentId);
    }

    @Override
    public List<Long> entryPointIds() {
        return entryPointIds;
    }

    @Override
    public List<WaitingChat> waitingChats() {
        return List.copyOf(waiting);
    }

    /** Applies an action that the service accepted. */
    public void accepted(Action action) {
        if (action instanceof Action.AgentAction a) {
            agents.computeIfPresent(a.icmAgentId(), (id, agent) -> agent.after(action));
        } else if (action instanceof Action.Abandon abandon) {
            ended(abandon.chatId());
        }
    }

    /** A chat started (entry-point-service answered 201): it waits until an agent is offered its task. */
    public void chatStarted(WaitingChat chat) {
        waiting.add(chat);
    }

    /** The chat no longer waits (abandoned, refused, or its abandon refused because it was offered). */
    public void ended(String chatId) {
        waiting.removeIf(c -> c.chatId().equals(chatId));
    }

    /** Replaces an agent's view with the listener's; a chat whose task the agent now holds no longer waits. */
    public void refreshed(SimAgent fromListener) {
        if (!agents.containsKey(fromListener.icmAgentId())) {
            return;
        }
        agents.put(fromListener.icmAgentId(), fromListener);
        waiting.removeIf(c -> fromListener.tasks().containsKey(c.taskId()));
    }

    /** Forgets chats older than the entry point's maximum wait: entry-point-service timed them out. */
    public void expire(Instant now, Duration maxWait) {
        waiting.removeIf(c -> c.startedAt().plus(maxWait).isBefore(now));
    }
}
