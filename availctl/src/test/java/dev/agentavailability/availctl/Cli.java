package dev.agentavailability.availctl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentavailability.replay.ReplayTopics;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/** Runs availctl in process, as the brief asks: new CommandLine(new Availctl()) with captured out and err. */
final class Cli {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    record Result(int exitCode, String out, String err) {

        /** Every JSON object printed on stdout, in order. */
        List<JsonNode> json() {
            try (MappingIterator<JsonNode> values = MAPPER.readerFor(JsonNode.class).readValues(out)) {
                return values.readAll();
            } catch (IOException notJson) {
                throw new UncheckedIOException(notJson);
            }
        }

        /** The only JSON object printed on stdout. */
        JsonNode single() {
            List<JsonNode> all = json();
            assertThat(all).as("stdout: %s", out).hasSize(1);
            return all.get(0);
        }

        /** Asserts a bad-input failure: exit 2, nothing on stdout, one line naming the fault, no stack trace. */
        Result failsWithOneLine(int code, String... fragments) {
            assertThat(exitCode).as("exit code; stderr: %s", err).isEqualTo(code);
            assertThat(err.lines().toList()).as("stderr").hasSize(1);
            assertThat(err).startsWith("availctl: ");
            if (fragments.length > 0) {
                assertThat(err).contains(fragments);
            }
            assertNoStackTrace();
            return this;
        }

        void assertNoStackTrace() {
            assertThat(err).doesNotContain("\tat ").doesNotContain("Exception").doesNotContain("Caused by");
        }
    }

    private Cli() {
    }

    /** Runs {@code command} against the scenario's topics ({@code --bootstrap-servers}, {@code --topic}, {@code --config-topic}). */
    static Result onTopics(ReplayTopics topics, String command, String... args) {
        List<String> all = new ArrayList<>(List.of(command, "--bootstrap-servers", topics.bootstrapServers,
                "--topic", topics.agentEvents, "--config-topic", topics.config));
        all.addAll(List.of(args));
        return run(all.toArray(String[]::new));
    }

    static Result run(String... args) {
        return runWithStdin("", args);
    }

    static Result runWithStdin(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new CommandLine(new Availctl(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8))))
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .execute(args);
        return new Result(code, out.toString(), err.toString());
    }
}
