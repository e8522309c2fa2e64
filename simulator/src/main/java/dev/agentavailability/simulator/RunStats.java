package dev.agentavailability.simulator;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Counters of a run; written by the run's thread, read by anyone. */
final class RunStats {

    /** The kinds in the order a summary lists them. */
    static final List<String> KINDS = List.of("login", "routable", "ready", "not-ready", "logout", "task-start",
            "wrapup", "task-end", "initialize", "abandon");

    private final long startNanos = System.nanoTime();
    private final Map<String, Long> byKind = new LinkedHashMap<>();
    private final TreeMap<Integer, Long> answers = new TreeMap<>();
    private long actions;
    private final TreeMap<String, Long> refused = new TreeMap<>();
    private long failed;
    private long connectionFailures;
    private long chatsStarted;

    RunStats() {
        KINDS.forEach(k -> byKind.put(k, 0L));
    }

    synchronized void sent(Action action) {
        actions++;
        byKind.merge(action.kind(), 1L, Long::sum);
    }

    synchronized void refused(String kind) {
        refused.merge(kind, 1L, Long::sum);
    }

    synchronized void failed() {
        failed++;
    }

    synchronized void connectionFailure() {
        connectionFailures++;
    }

    synchronized void chatStarted() {
        chatsStarted++;
    }

    synchronized void answered(int responseType) {
        answers.merge(responseType, 1L, Long::sum);
    }

    synchronized long actions() {
        return actions;
    }

    synchronized RunSummary summary() {
        return new RunSummary(actions, new LinkedHashMap<>(byKind), refused,
                failed, connectionFailures, chatsStarted, new TreeMap<>(answers),
                Duration.ofNanos(System.nanoTime() - startNanos));
    }
}
