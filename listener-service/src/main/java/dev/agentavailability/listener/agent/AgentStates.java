package dev.agentavailability.listener.agent;

import dev.agentavailability.projection.AgentState;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The listener's current view of every agent it has seen, as the events it published (or found on the
 * topic at start-up) left them. Values are immutable; only {@link AgentCommands} replaces them, under the
 * agent's lock.
 */
@Singleton
public class AgentStates {

    private final ConcurrentHashMap<Integer, AgentState> agents = new ConcurrentHashMap<>();

    public Optional<AgentState> get(int icmAgentId) {
        return Optional.ofNullable(agents.get(icmAgentId));
    }

    void put(AgentState agent) {
        agents.put(agent.icmAgentId(), agent);
    }

    /** Replaces every agent with the state rebuilt from the topic. */
    public void replaceAll(Map<Integer, AgentState> rebuilt) {
        agents.clear();
        agents.putAll(rebuilt);
    }

    public int size() {
        return agents.size();
    }
}
