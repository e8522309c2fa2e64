package dev.agentavailability.simulator;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One simulated agent in the simulated MRD, as its desktop sees it: logged in, routable, ready, its task
 * limit and the tasks it holds (by task id, {@code high-low-sequence}). Immutable.
 */
public record SimAgent(int icmAgentId, boolean loggedIn, boolean routable, boolean ready, int taskLimit,
        SortedMap<String, TaskStatus> tasks) {

    public SimAgent {
        tasks = Collections.unmodifiableSortedMap(new TreeMap<>(tasks == null ? new TreeMap<>() : tasks));
    }

    public static SimAgent loggedOut(int icmAgentId) {
        return new SimAgent(icmAgentId, false, false, false, 0, new TreeMap<>());
    }

    /** ICM's NumTasks: offered, active, paused and wrapping tasks all count. */
    public int holds() {
        return tasks.size();
    }

    /** The agent after an action the listener accepted; actions of other agents or customers change nothing. */
    public SimAgent after(Action action) {
        if (!(action instanceof Action.AgentAction a) || a.icmAgentId() != icmAgentId) {
            return this;
        }
        if (action instanceof Action.Login login) {
            // ECE signs in with isAvailable false and agentMode 0, then goes routable and ready by indications.
            return new SimAgent(icmAgentId, true, false, false, login.maxTaskLimit(), new TreeMap<>());
        }
        if (action instanceof Action.Logout) {
            // Logging out ends every task the agent held.
            return loggedOut(icmAgentId);
        }
        if (action instanceof Action.Routable routable) {
            return new SimAgent(icmAgentId, true, true, ready, routable.maxTasks(), tasks);
        }
        if (action instanceof Action.Ready) {
            return new SimAgent(icmAgentId, true, true, true, taskLimit, tasks);
        }
        if (action instanceof Action.NotReady) {
            return new SimAgent(icmAgentId, true, routable, false, taskLimit, tasks);
        }
        TreeMap<String, TaskStatus> next = new TreeMap<>(tasks);
        if (action instanceof Action.StartTask start) {
            next.put(start.taskId(), TaskStatus.ACTIVE);
        } else if (action instanceof Action.WrapUp wrapUp) {
            next.put(wrapUp.taskId(), TaskStatus.WRAPUP);
        } else if (action instanceof Action.EndTask end) {
            next.remove(end.taskId());
        }
        return new SimAgent(icmAgentId, loggedIn, routable, ready, taskLimit, next);
    }
}
