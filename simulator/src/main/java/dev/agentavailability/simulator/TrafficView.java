package dev.agentavailability.simulator;

import java.util.List;

/** What {@link TrafficPlan} decides from: the simulated agents and customers as the simulator knows them. */
public interface TrafficView {

    /** The MRD the agents work in. */
    int mrdId();

    /** The agents, always in the same order. */
    List<SimAgent> agents();

    /** The entry points customers visit, always in the same order. */
    List<Long> entryPointIds();

    /** Chats the simulator started that still wait, in the order they started. */
    List<WaitingChat> waitingChats();
}
