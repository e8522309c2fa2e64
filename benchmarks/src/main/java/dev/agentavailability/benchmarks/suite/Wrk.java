package dev.agentavailability.benchmarks.suite;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load generator: wrk (Debian package {@code wrk}), a C program, so that the generator takes as little of the
 * two cores as it can from the service it loads. One run's requests per second and latency percentiles.
 */
final class Wrk {

    record Result(double requestsPerSecond, double p50Millis, double p99Millis, long non2xx) {
    }

    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+([0-9]+)");
    private static final Pattern ERRORS = Pattern.compile("Socket errors:.*");

    private Wrk() {
    }

    static void requireInstalled() throws IOException, InterruptedException {
        try {
            if (new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start().waitFor() >= 0) {
                return;
            }
        } catch (IOException missing) {
            // below
        }
        throw new IOException("wrk is not installed: apt-get install wrk (the suite's HTTP load generator)");
    }

    static Result run(String url, int threads, int connections, Duration duration)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("wrk", "-t" + threads, "-c" + connections,
                "-d" + duration.toSeconds() + "s", "--latency", url));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException("wrk " + url + " failed: " + out);
        }
        Matcher rate = RATE.matcher(out);
        if (!rate.find()) {
            throw new IOException("wrk printed no Requests/sec: " + out);
        }
        Matcher errors = ERRORS.matcher(out);
        if (errors.find()) {
            throw new IOException("wrk " + url + ": " + errors.group());
        }
        Matcher non2xx = NON_2XX.matcher(out);
        return new Result(Double.parseDouble(rate.group(1)), latency(out, "50%"), latency(out, "99%"),
                non2xx.find() ? Long.parseLong(non2xx.group(1)) : 0);
    }

    /** A line of wrk's latency distribution, e.g. {@code 99%    5.12ms}, in milliseconds. */
    private static double latency(String out, String percentile) throws IOException {
        Matcher m = Pattern.compile("\\s" + Pattern.quote(percentile) + "\\s+([0-9.]+)(us|ms|s)\\b").matcher(out);
        if (!m.find()) {
            throw new IOException("wrk printed no " + percentile + " latency: " + out);
        }
        double value = Double.parseDouble(m.group(1));
        return switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "us" -> value / 1000;
            case "s" -> value * 1000;
            default -> value;
        };
    }
}
