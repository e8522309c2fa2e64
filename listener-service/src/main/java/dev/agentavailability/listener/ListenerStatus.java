package dev.agentavailability.listener;

import dev.agentavailability.listener.config.ReferenceData;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * Whether the listener may take agent actions: only once it knows every agent's state from the agent-event
 * topic and has read the config topic up to where it ended at start-up. Before that a check could pass
 * that must fail (a second login, an agent not yet known).
 */
@Singleton
public class ListenerStatus {

    private final ReferenceData referenceData;
    private volatile boolean agentsRebuilt;
    private volatile long configEndAtStart = Long.MAX_VALUE;
    private volatile String startupProblem;

    public ListenerStatus(ReferenceData referenceData) {
        this.referenceData = referenceData;
    }

    public void configEndAtStart(long endOffset) {
        this.configEndAtStart = endOffset;
    }

    public void agentsRebuilt() {
        this.agentsRebuilt = true;
        this.startupProblem = null;
    }

    public void startupProblem(String problem) {
        this.startupProblem = problem;
    }

    public boolean isAgentsRebuilt() {
        return agentsRebuilt;
    }

    public boolean isConfigCaughtUp() {
        return configEndAtStart != Long.MAX_VALUE && referenceData.nextOffset() >= configEndAtStart;
    }

    /** -1 until start-up has read it. */
    public long configEndOffsetAtStart() {
        return configEndAtStart == Long.MAX_VALUE ? -1 : configEndAtStart;
    }

    public boolean isReady() {
        return agentsRebuilt && isConfigCaughtUp();
    }

    /** Why the listener is not ready yet, for people; empty when it is. */
    public Optional<String> notReadyBecause() {
        if (isReady()) {
            return Optional.empty();
        }
        StringBuilder why = new StringBuilder();
        if (!agentsRebuilt) {
            why.append("agent states are still being rebuilt from the agent-event topic");
        }
        if (!isConfigCaughtUp()) {
            why.append(why.isEmpty() ? "" : "; ").append(configEndAtStart == Long.MAX_VALUE
                    ? "the config topic's end offset is not known yet"
                    : "reference data read to offset " + referenceData.nextOffset() + " of " + configEndAtStart);
        }
        String problem = startupProblem;
        if (problem != null) {
            why.append(" (last start-up attempt: ").append(problem).append(')');
        }
        return Optional.of(why.toString());
    }
}
