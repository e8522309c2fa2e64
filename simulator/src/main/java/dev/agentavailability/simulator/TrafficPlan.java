package dev.agentavailability.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * Decides the next step of simulated traffic from the simulator's view, and nothing else: no clock, no I/O, one
 * random generator seeded once. The same seed and the same sequence of views give the same actions.
 *
 * <p>Every step lists what could happen now, each with a weight, and picks one in proportion (as if each were a
 * process of its own with that rate). An agent follows the ARM order of ECE: login, then routable, then ready;
 * it accepts, wraps up and ends only tasks it holds in the matching status, takes no task itself (the router
 * offers them, below the agent's limit), and logs out only when Not Ready with no task left. Customers
 * open the chat page of an entry point (and start a chat if the answer lets them) or give up waiting.
 */
public final class TrafficPlan {

    /** Reason codes of Not Ready, as a site might configure them (break, lunch, meeting, training). */
    static final int[] NOT_READY_REASONS = {1, 2, 3, 4};

    static final double LOGIN = 1.0;
    static final double ROUTABLE = 4.0;
    static final double READY = 2.0;
    static final double NOT_READY = 0.3;
    static final double LOGOUT = 0.25;
    static final double ACCEPT = 4.0;
    static final double WRAP_UP = 1.0;
    static final double END_ACTIVE = 0.25;
    static final double END_WRAP_UP = 2.0;
    static final double OPEN_CHAT_PAGE = 2.0;
    static final double ABANDON = 0.15;
    /** How likely a customer starts a chat when initialize answers that someone can take it. */
    static final double STARTS_CHAT = 0.7;

    private final RandomGenerator random;
    private final int maxTaskLimit;

    /**
     * @param seed         the seed of the one random generator
     * @param maxTaskLimit the largest task limit an agent logs in with (each login picks 1 to this)
     */
    public TrafficPlan(long seed, int maxTaskLimit) {
        if (maxTaskLimit < 1) {
            throw new IllegalArgumentException("maxTaskLimit must be 1 or more, was " + maxTaskLimit);
        }
        this.random = new SplittableRandom(seed);
        this.maxTaskLimit = maxTaskLimit;
    }

    /** The next action. Reads the view only. */
    public Action next(TrafficView view) {
        List<Double> weights = new ArrayList<>();
        List<Supplier<Action>> choices = new ArrayList<>();
        int mrd = view.mrdId();
        for (SimAgent agent : view.agents()) {
            int id = agent.icmAgentId();
            if (!agent.loggedIn()) {
                add(weights, choices, LOGIN, () -> new Action.Login(id, mrd, 1 + random.nextInt(maxTaskLimit)));
                continue;
            }
            if (!agent.routable()) {
                add(weights, choices, ROUTABLE, () -> new Action.Routable(id, mrd, agent.taskLimit()));
            } else if (!agent.ready()) {
                add(weights, choices, READY, () -> new Action.Ready(id, mrd));
            } else {
                add(weights, choices, NOT_READY, () -> new Action.NotReady(id, mrd,
                        NOT_READY_REASONS[random.nextInt(NOT_READY_REASONS.length)]));
            }
            if (!agent.ready() && agent.tasks().isEmpty()) {
                add(weights, choices, LOGOUT, () -> new Action.Logout(id, mrd));
            }
            for (Map.Entry<String, TaskStatus> task : agent.tasks().entrySet()) {
                String taskId = task.getKey();
                switch (task.getValue()) {
                    case OFFERED -> add(weights, choices, ACCEPT, () -> new Action.StartTask(id, mrd, taskId));
                    case ACTIVE -> {
                        add(weights, choices, WRAP_UP, () -> new Action.WrapUp(id, mrd, taskId));
                        add(weights, choices, END_ACTIVE, () -> new Action.EndTask(id, mrd, taskId));
                    }
                    case WRAPUP -> add(weights, choices, END_WRAP_UP, () -> new Action.EndTask(id, mrd, taskId));
                    case PAUSED -> add(weights, choices, END_ACTIVE, () -> new Action.EndTask(id, mrd, taskId));
                    default -> throw new IllegalStateException("unknown task status " + task.getValue());
                }
            }
        }
        List<Long> entryPoints = view.entryPointIds();
        if (!entryPoints.isEmpty()) {
            add(weights, choices, OPEN_CHAT_PAGE, () -> new Action.OpenChatPage(
                    entryPoints.get(random.nextInt(entryPoints.size())), random.nextDouble() < STARTS_CHAT));
        }
        for (WaitingChat chat : view.waitingChats()) {
            add(weights, choices, ABANDON, () -> new Action.Abandon(chat.entryPointId(), chat.chatId()));
        }
        if (choices.isEmpty()) {
            throw new IllegalStateException("nothing to simulate: no agent and no entry point");
        }
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double draw = random.nextDouble() * total;
        for (int i = 0; i < choices.size(); i++) {
            draw -= weights.get(i);
            if (draw < 0) {
                return choices.get(i).get();
            }
        }
        return choices.get(choices.size() - 1).get();
    }

    private static void add(List<Double> weights, List<Supplier<Action>> choices, double weight,
            Supplier<Action> choice) {
        weights.add(weight);
        choices.add(choice);
    }
}
