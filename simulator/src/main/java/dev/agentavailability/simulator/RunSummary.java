package dev.agentavailability.simulator;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * What a run did so far.
 *
 * @param actions            actions sent (one per plan step; a chat start counts with its initialize)
 * @param byKind             actions by {@link Action#kind()}, in a fixed order
 * @param refusedByKind      answers 4xx (the agent's state did not allow it, the queue was full, ...) by kind of
 *                           request: {@link Action#kind()}, or chat-start
 * @param failed             answers 5xx, and requests given up because the service could not be reached
 * @param connectionFailures attempts that could not reach a service (each retried with backoff)
 * @param chatsStarted       chats entry-point-service started (201)
 * @param initializeAnswers  initialize answers by checkEligibility.responseType
 * @param elapsed            time since the run started
 */
public record RunSummary(long actions, Map<String, Long> byKind, SortedMap<String, Long> refusedByKind, long failed,
        long connectionFailures, long chatsStarted, SortedMap<Integer, Long> initializeAnswers, Duration elapsed) {

    public RunSummary {
        byKind = Collections.unmodifiableMap(new LinkedHashMap<>(byKind));
        refusedByKind = Collections.unmodifiableSortedMap(new TreeMap<>(refusedByKind));
        initializeAnswers = Collections.unmodifiableSortedMap(new TreeMap<>(initializeAnswers));
    }

    /** Actions of one kind. */
    public long count(String kind) {
        return byKind.getOrDefault(kind, 0L);
    }

    /** Every refused request. */
    public long refused() {
        return refusedByKind.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * {@code 42 actions in 21 s (login 2, ...); refused 1 (abandon 1), failed 0 (0 connection failures);
     * chats started 3; initialize answers by responseType 0: 12, 1: 6}.
     */
    public String line() {
        StringJoiner kinds = new StringJoiner(", ");
        byKind.forEach((kind, n) -> kinds.add(kind + " " + n));
        StringJoiner refusals = new StringJoiner(", ", " (", ")").setEmptyValue("");
        refusedByKind.forEach((kind, n) -> refusals.add(kind + " " + n));
        StringJoiner answers = new StringJoiner(", ").setEmptyValue("none");
        initializeAnswers.forEach((type, n) -> answers.add(type + ": " + n));
        return actions + " actions in " + elapsed.toSeconds() + " s (" + kinds + "); refused " + refused() + refusals
                + ", failed " + failed + " (" + connectionFailures + " connection failures); chats started "
                + chatsStarted + "; initialize answers by responseType " + answers;
    }
}
