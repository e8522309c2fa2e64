package dev.agentavailability.benchmarks.suite;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Initialize under load against the ceiling endpoint of the same entry point service: wrk with the same threads and
 * connections on each, the two taken in turn within a round and each ratio taken within its round (a slow spell of
 * a shared machine falls on both), medians over the rounds.
 */
final class InitializeFigures {

    static final int THREADS = 2;
    static final int CONNECTIONS = 32;

    private InitializeFigures() {
    }

    static List<Figure> measure(String entrypointUrl, long entryPointId, Size size)
            throws IOException, InterruptedException {
        String initialize = entrypointUrl + "/system/egain/chat/entrypoint/initialize/" + entryPointId;
        String ceiling = entrypointUrl + "/benchmark/ceiling";
        // warm-up, unreported: the JIT compiles both paths
        Duration warmUp = size == Size.SMOKE ? Duration.ofSeconds(1) : Duration.ofSeconds(5);
        Wrk.run(ceiling, THREADS, CONNECTIONS, warmUp);
        Wrk.run(initialize, THREADS, CONNECTIONS, warmUp);
        List<Wrk.Result> ceilings = new ArrayList<>();
        List<Wrk.Result> measured = new ArrayList<>();
        for (int round = 0; round < size.rounds; round++) {
            ceilings.add(checked(ceiling, Wrk.run(ceiling, THREADS, CONNECTIONS, size.loadDuration)));
            measured.add(checked(initialize, Wrk.run(initialize, THREADS, CONNECTIONS, size.loadDuration)));
            System.out.printf("initialize round %d: %.0f req/s (ceiling %.0f), p99 %.2f ms (ceiling %.2f)%n",
                    round + 1, measured.get(round).requestsPerSecond(), ceilings.get(round).requestsPerSecond(),
                    measured.get(round).p99Millis(), ceilings.get(round).p99Millis());
        }
        String ceilingName = "bare JSON endpoint, same app";
        String load = " (wrk " + THREADS + " threads, " + CONNECTIONS + " connections)";
        return List.of(
                Figure.atLeast("initialize throughput" + load, median(measured, Wrk.Result::requestsPerSecond),
                        "requests/s", median(ceilings, Wrk.Result::requestsPerSecond), ceilingName,
                        ratio(measured, ceilings, Wrk.Result::requestsPerSecond), 0.9),
                Figure.reported("initialize p50 latency" + load, median(measured, Wrk.Result::p50Millis), "ms",
                        median(ceilings, Wrk.Result::p50Millis), ceilingName,
                        ratio(measured, ceilings, Wrk.Result::p50Millis)),
                Figure.atMost("initialize p99 latency" + load, median(measured, Wrk.Result::p99Millis), "ms",
                        median(ceilings, Wrk.Result::p99Millis), ceilingName,
                        ratio(measured, ceilings, Wrk.Result::p99Millis), 1.5));
    }

    /** A run that got errors measured the errors, not the endpoint. */
    private static Wrk.Result checked(String url, Wrk.Result result) throws IOException {
        if (result.non2xx() > 0) {
            throw new IOException(url + " answered " + result.non2xx() + " requests with a status other than 2xx");
        }
        return result;
    }

    private static double median(List<Wrk.Result> runs, java.util.function.ToDoubleFunction<Wrk.Result> value) {
        return Stats.median(runs.stream().mapToDouble(value).toArray());
    }

    private static double ratio(List<Wrk.Result> measured, List<Wrk.Result> ceilings,
            java.util.function.ToDoubleFunction<Wrk.Result> value) {
        double[] ratios = new double[measured.size()];
        for (int i = 0; i < ratios.length; i++) {
            ratios[i] = value.applyAsDouble(measured.get(i)) / value.applyAsDouble(ceilings.get(i));
        }
        return Stats.median(ratios);
    }
}
