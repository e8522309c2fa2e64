package dev.agentavailability.benchmarks.suite;

/**
 * One line of the summary: a measured value, the ceiling measured in the same run, their ratio and the target the
 * ratio is held to. {@code met} is null for a figure that is reported but has no target.
 */
public record Figure(String figure, double value, String unit, double ceiling, String ceilingName, double ratio,
        String target, Boolean met) {

    /** A ratio that should be at least {@code min} (throughput: more is better). */
    static Figure atLeast(String figure, double value, String unit, double ceiling, String ceilingName, double ratio,
            double min) {
        return new Figure(figure, value, unit, ceiling, ceilingName, ratio, "≥ " + min + "×", ratio >= min);
    }

    /** A ratio that should be at most {@code max} (latency: less is better). */
    static Figure atMost(String figure, double value, String unit, double ceiling, String ceilingName, double ratio,
            double max) {
        return new Figure(figure, value, unit, ceiling, ceilingName, ratio, "≤ " + max + "×", ratio <= max);
    }

    /** Reported beside the others, held to no target. */
    static Figure reported(String figure, double value, String unit, double ceiling, String ceilingName,
            double ratio) {
        return new Figure(figure, value, unit, ceiling, ceilingName, ratio, "", null);
    }
}
