package dev.agentavailability.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SimulatorCommandTest {

    private final StringWriter err = new StringWriter();

    private CommandLine command() {
        return Simulator.commandLine(new Simulator(new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8))).setErr(new PrintWriter(err, true));
    }

    private SimulatorSettings settings(String... args) {
        CommandLine command = command();
        command.parseArgs(args);
        return ((Simulator) command.getCommand()).settings();
    }

    @Test
    void theDefaultsAreTheDemoAtAGentleRate() {
        SimulatorSettings settings = settings();

        assertThat(settings.listenerUrl()).isEqualTo("http://localhost:8081");
        assertThat(settings.entrypointUrl()).isEqualTo("http://localhost:8083");
        assertThat(settings.rate()).isEqualTo(2.0);
        assertThat(settings.seed()).isEqualTo(42);
        assertThat(settings.duration()).isNull();
        assertThat(settings.maxActions()).isZero();
        assertThat(settings.agentIds()).containsExactly(6420, 5033);
        assertThat(settings.mrdId()).isEqualTo(5000);
        assertThat(settings.entryPointIds()).containsExactly(1001L, 1002L);
        assertThat(settings.summaryEvery()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void optionsSetTheRun() {
        SimulatorSettings settings = settings("--listener", "http://listener:8081/", "--entrypoint",
                "http://entrypoint:8083", "--rate", "0.5", "--seed", "-7", "--duration", "PT10M", "--max-actions",
                "100", "--agent-ids", "1,2,3", "--agents", "2", "--mrd", "7", "--entry-points", "9001",
                "--max-task-limit", "4", "--summary-every", "2.5");

        assertThat(settings.listenerUrl()).isEqualTo("http://listener:8081");
        assertThat(settings.rate()).isEqualTo(0.5);
        assertThat(settings.seed()).isEqualTo(-7);
        assertThat(settings.duration()).isEqualTo(Duration.ofMinutes(10));
        assertThat(settings.maxActions()).isEqualTo(100);
        assertThat(settings.agentIds()).containsExactly(1, 2);
        assertThat(settings.mrdId()).isEqualTo(7);
        assertThat(settings.entryPointIds()).isEqualTo(List.of(9001L));
        assertThat(settings.maxTaskLimit()).isEqualTo(4);
        assertThat(settings.summaryEvery()).isEqualTo(Duration.ofMillis(2500));
        assertThat(settings("--duration", "90").duration()).isEqualTo(Duration.ofSeconds(90));
        assertThat(settings("--agents", "1").agentIds()).containsExactly(6420);
    }

    @Test
    void badUsageExitsWith2AndSaysWhy() {
        assertThat(command().execute("--agents", "3")).isEqualTo(2);
        assertThat(err.toString()).contains("--agents 3: there are 2 agent ids");
        assertThat(command().execute("--rate", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("rate must be a positive number");
        assertThat(command().execute("--duration", "ten minutes")).isEqualTo(2);
        assertThat(err.toString()).contains("--duration 'ten minutes' is neither seconds (90) nor ISO-8601 (PT10M)");
        assertThat(command().execute("--seed", "x")).isEqualTo(2);
        assertThat(err.toString()).as("one line and a hint, not the whole help").doesNotContain("Usage:")
                .contains("Try 'simulator --help' for the options.");
    }
}
