package dev.agentavailability.benchmarks.suite;

import java.time.Duration;

/** How long a suite run measures: the full run, {@code --quick} (under ten minutes), {@code --smoke} (CI). */
enum Size {
    FULL(3, Duration.ofSeconds(20), 2_000),
    QUICK(2, Duration.ofSeconds(10), 500),
    SMOKE(1, Duration.ofSeconds(2), 20);

    /** Rounds of each load run, ceiling and measured taken in turn within a round. */
    final int rounds;
    /** Length of one wrk run. */
    final Duration loadDuration;
    /** Ready / not ready toggles for freshness (and messages through the two hops). */
    final int toggles;

    Size(int rounds, Duration loadDuration, int toggles) {
        this.rounds = rounds;
        this.loadDuration = loadDuration;
        this.toggles = toggles;
    }
}
