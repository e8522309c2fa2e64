package dev.agentavailability.simulator;

import java.time.Duration;
import java.util.List;

/**
 * What one simulator run does. {@link #defaults()} is the lab's demo: agents 6420 and 5033 in the chat MRD 5000
 * (demo-lab.yaml) and entry points 1001 and 1002 (demo-entry-points.json), two actions a second, seed 42.
 *
 * @param listenerUrl   listener-service base URL
 * @param entrypointUrl entrypoint-service base URL
 * @param rate          actions per second
 * @param seed          the seed of the plan's random generator
 * @param duration      how long to run; null = until stopped
 * @param maxActions    stop after this many actions; 0 = no limit
 * @param agentIds      the simulated agents
 * @param mrdId         the MRD they log into
 * @param entryPointIds the entry points customers visit
 * @param maxTaskLimit  the largest task limit an agent logs in with
 * @param summaryEvery  how often a summary line is printed
 * @param chatMaxWait   how long a started chat may wait before the entry point times it out (its maxWaitSeconds)
 * @param refreshEvery  how often a logged-in agent's view is fetched from the listener (offers arrive so)
 * @param attempts      how often a request is tried when the service cannot be reached
 * @param firstBackoff  the wait after the first failed attempt; doubled after each, at most 10 s
 */
public record SimulatorSettings(String listenerUrl, String entrypointUrl, double rate, long seed, Duration duration,
        long maxActions, List<Integer> agentIds, int mrdId, List<Long> entryPointIds, int maxTaskLimit,
        Duration summaryEvery, Duration chatMaxWait, Duration refreshEvery, int attempts, Duration firstBackoff) {

    public static final String DEFAULT_LISTENER = "http://localhost:8081";
    public static final String DEFAULT_ENTRYPOINT = "http://localhost:8083";
    /** Gentle: two actions a second, enough to see the answers move without flooding the logs. */
    public static final double DEFAULT_RATE = 2.0;
    public static final long DEFAULT_SEED = 42;
    public static final List<Integer> DEMO_AGENTS = List.of(6420, 5033);
    public static final int DEMO_MRD = 5000;
    public static final List<Long> DEMO_ENTRY_POINTS = List.of(1001L, 1002L);

    public SimulatorSettings {
        listenerUrl = stripSlash(listenerUrl);
        entrypointUrl = stripSlash(entrypointUrl);
        agentIds = List.copyOf(agentIds);
        entryPointIds = List.copyOf(entryPointIds);
        if (!(rate > 0) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException("rate must be a positive number of actions per second, was " + rate);
        }
        if (maxActions < 0) {
            throw new IllegalArgumentException("max actions must be 0 (no limit) or more, was " + maxActions);
        }
        if (duration != null && (duration.isNegative() || duration.isZero())) {
            throw new IllegalArgumentException("duration must be positive, was " + duration);
        }
        if (agentIds.isEmpty() && entryPointIds.isEmpty()) {
            throw new IllegalArgumentException("nothing to simulate: no agent and no entry point");
        }
        if (maxTaskLimit < 1) {
            throw new IllegalArgumentException("max task limit must be 1 or more, was " + maxTaskLimit);
        }
        if (summaryEvery == null || summaryEvery.isNegative() || summaryEvery.isZero()) {
            throw new IllegalArgumentException("the summary interval must be positive, was " + summaryEvery);
        }
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be 1 or more, was " + attempts);
        }
    }

    public static SimulatorSettings defaults() {
        return new SimulatorSettings(DEFAULT_LISTENER, DEFAULT_ENTRYPOINT, DEFAULT_RATE, DEFAULT_SEED, null, 0,
                DEMO_AGENTS, DEMO_MRD, DEMO_ENTRY_POINTS, 2, Duration.ofSeconds(10), Duration.ofSeconds(300),
                Duration.ofSeconds(1), 6, Duration.ofMillis(500));
    }

    public SimulatorSettings withServices(String listener, String entrypoint) {
        return new SimulatorSettings(listener, entrypoint, rate, seed, duration, maxActions, agentIds, mrdId,
                entryPointIds, maxTaskLimit, summaryEvery, chatMaxWait, refreshEvery, attempts, firstBackoff);
    }

    public SimulatorSettings withRate(double actionsPerSecond) {
        return new SimulatorSettings(listenerUrl, entrypointUrl, actionsPerSecond, seed, duration, maxActions,
                agentIds, mrdId, entryPointIds, maxTaskLimit, summaryEvery, chatMaxWait, refreshEvery, attempts,
                firstBackoff);
    }

    public SimulatorSettings withSeed(long newSeed) {
        return new SimulatorSettings(listenerUrl, entrypointUrl, rate, newSeed, duration, maxActions, agentIds, mrdId,
                entryPointIds, maxTaskLimit, summaryEvery, chatMaxWait, refreshEvery, attempts, firstBackoff);
    }

    /** Stops after this long (null: until stopped) or this many actions (0: no limit), whichever comes first. */
    public SimulatorSettings withLimits(Duration runFor, long actions) {
        return new SimulatorSettings(listenerUrl, entrypointUrl, rate, seed, runFor, actions, agentIds, mrdId,
                entryPointIds, maxTaskLimit, summaryEvery, chatMaxWait, refreshEvery, attempts, firstBackoff);
    }

    public SimulatorSettings withTraffic(List<Integer> agents, int mrd, List<Long> entryPoints, int taskLimit) {
        return new SimulatorSettings(listenerUrl, entrypointUrl, rate, seed, duration, maxActions, agents, mrd,
                entryPoints, taskLimit, summaryEvery, chatMaxWait, refreshEvery, attempts, firstBackoff);
    }

    public SimulatorSettings withSummaryEvery(Duration every) {
        return new SimulatorSettings(listenerUrl, entrypointUrl, rate, seed, duration, maxActions, agentIds, mrdId,
                entryPointIds, maxTaskLimit, every, chatMaxWait, refreshEvery, attempts, firstBackoff);
    }

    /** How a request that cannot reach its service is retried. */
    public SimulatorSettings withRetry(int tries, Duration backoff) {
        return new SimulatorSettings(listenerUrl, entrypointUrl, rate, seed, duration, maxActions, agentIds, mrdId,
                entryPointIds, maxTaskLimit, summaryEvery, chatMaxWait, refreshEvery, tries, backoff);
    }

    /** The traffic in a few words: {@code 2 actions/s, seed 42, agents [6420, 5033], entry points [1001, 1002]}. */
    public String brief() {
        return formatRate(rate) + " actions/s, seed " + seed + ", agents " + agentIds + ", entry points " + entryPointIds;
    }

    /** One line for the start of a run. */
    public String describe() {
        String limit = maxActions == 0 ? "" : ", at most " + maxActions + (maxActions == 1 ? " action" : " actions");
        return String.format(java.util.Locale.ROOT,
                "%s actions/s, seed %d, agents %s in MRD %d, entry points %s, listener %s, entry point service %s%s%s",
                formatRate(rate), seed, agentIds, mrdId, entryPointIds, listenerUrl, entrypointUrl,
                duration == null ? "" : ", for " + duration, limit);
    }

    static String formatRate(double rate) {
        return rate == Math.rint(rate) ? Long.toString((long) rate) : Double.toString(rate);
    }

    private static String stripSlash(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("a service URL is missing");
        }
        return url.strip().replaceAll("/+$", "");
    }
}
