package dev.agentavailability.benchmarks.suite;

import java.time.Duration;

/** How long a suite run measures: the full run, {@code --quick} (under ten minutes), {@code --smoke} (CI). */
enum Size {
    FULL(3, Duration.ofSeconds(20), 2_000, 5_000, 200_000),
    QUICK(2, Duration.ofSeconds(10), 500, 1_000, 50_000),
    SMOKE(1, Duration.ofSeconds(2), 20, 4, 2_000);

    /** Rounds of each load run, ceiling and measured taken in turn within a round. */
    final int rounds;
    /** Length of one wrk run. */
    final Duration loadDuration;
    /** Ready / not ready toggles for freshness (and messages through the two hops). */
    final int toggles;
    /**
     * Toggles first made unreported, through the whole path: until the JIT has compiled it, half of the machine
     * goes to compiling: a profile of the first 500 toggles showed 40-50 % of every process's CPU in C2, and still
     * 30-55 % after 5,000 (a few minutes of it on two cores).
     */
    final int warmUpToggles;
    /** Agent events written for the live projection figure. */
    final int projectionEvents;

    Size(int rounds, Duration loadDuration, int toggles, int warmUpToggles, int projectionEvents) {
        this.rounds = rounds;
        this.loadDuration = loadDuration;
        this.toggles = toggles;
        this.warmUpToggles = warmUpToggles;
        this.projectionEvents = projectionEvents;
    }
}
