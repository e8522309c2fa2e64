package dev.agentavailability.replay;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Time in state within a window {@code [from, to]}: each key (an agent's MRD, a skill group) is in one labelled
 * state at a time; {@link #set} records a change at an instant, {@link #finish()} closes the window. A key first
 * seen by {@link #set} after {@code from} was in its {@code initialLabel} since {@code from}. Changes before
 * {@code from} only set the state the window starts in; changes after {@code to} are ignored.
 *
 * @param <K> the key type (comparable, so results are ordered)
 */
public final class ReportClock<K extends Comparable<K>> {

    private final Instant from;
    private final Instant to;
    private final String initialLabel;
    private final Map<K, String> current = new TreeMap<>();
    private final Map<K, Instant> since = new TreeMap<>();
    private final Map<K, Map<String, Duration>> spent = new TreeMap<>();
    private boolean finished;

    public ReportClock(Instant from, Instant to, String initialLabel) {
        this.from = Objects.requireNonNull(from, "from");
        this.to = Objects.requireNonNull(to, "to");
        this.initialLabel = Objects.requireNonNull(initialLabel, "initialLabel");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("window ends (" + to + ") before it starts (" + from + ")");
        }
    }

    /** The key is in {@code label} from {@code at} on (a change to the same label changes nothing). */
    public void set(K key, String label, Instant at) {
        if (finished) {
            throw new IllegalStateException("finished");
        }
        if (at.isAfter(to)) {
            return;
        }
        Instant start = at.isBefore(from) ? from : at;
        String previous = current.get(key);
        if (previous == null) {
            previous = initialLabel;
            current.put(key, previous);
            since.put(key, from);
        }
        if (previous.equals(label)) {
            return;
        }
        add(key, previous, since.get(key), start);
        current.put(key, label);
        since.put(key, start);
    }

    /** The key exists, in its current (or initial) label, even if it never changes. */
    public void touch(K key) {
        if (!current.containsKey(key)) {
            current.put(key, initialLabel);
            since.put(key, from);
        }
    }

    /** Closes the window at {@code to}: every key's time per label, labels in the order first seen. */
    public Map<K, Map<String, Duration>> finish() {
        if (!finished) {
            finished = true;
            for (Map.Entry<K, String> entry : current.entrySet()) {
                add(entry.getKey(), entry.getValue(), since.get(entry.getKey()), to);
            }
        }
        Map<K, Map<String, Duration>> result = new TreeMap<>();
        spent.forEach((key, labels) -> result.put(key, new LinkedHashMap<>(labels)));
        return result;
    }

    private void add(K key, String label, Instant start, Instant end) {
        Duration length = Duration.between(start, end);
        Map<String, Duration> labels = spent.computeIfAbsent(key, k -> new LinkedHashMap<>());
        if (length.isZero()) {
            return;
        }
        labels.merge(label, length, Duration::plus);
    }
}
