package dev.agentavailability.availctl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code availctl explain ID}: why an entry point answers what it answers, for a person. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = {"Explain an entry point's initialize answer: the rule that decided, the business hours, the "
                + "queue, and the availability counts per skill group (or MRD) and partition with the offsets "
                + "they reflect. GET {entrypoint}/entry-points/{ID}/explain."},
        footer = {"", "Example:", "  availctl explain 1001"})
public final class ExplainCommand extends Subcommand {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String[] COUNTS = {"loggedIn", "ready", "routable", "available", "busy", "atTaskLimit",
        "domainUnavailable"};

    @Parameters(index = "0", paramLabel = "ID", description = "Entry point id, e.g. 1001.")
    long entryPoint;

    @Option(names = "--json", description = "Print the explanation as the service answers it (JSON).")
    boolean json;

    @Mixin
    EntrypointOptions service;

    @Override
    protected int run() throws CliFailure {
        ServiceClient client = service.client();
        ServiceClient.Answer answer = client.get("/entry-points/" + entryPoint + "/explain", "application/json");
        if (answer.status() == 404) {
            throw CliFailure.failure("entry point " + entryPoint + ": " + answer.problem());
        }
        if (!answer.ok()) {
            throw CliFailure.failure("entrypoint-service at " + client.baseUrl() + " answered HTTP " + answer.status()
                    + " for entry point " + entryPoint + ": " + answer.problem());
        }
        if (json) {
            out().println(answer.body().strip());
            return ExitCodes.OK;
        }
        try {
            print(MAPPER.readTree(answer.body()), out());
        } catch (IOException notJson) {
            throw CliFailure.failure("entrypoint-service answered something that is not an explanation: "
                    + notJson.getMessage());
        }
        return ExitCodes.OK;
    }

    static void print(JsonNode e, PrintWriter out) {
        JsonNode answer = e.path("answer");
        JsonNode decision = e.path("decision");
        out.printf("Entry point %d answers responseType %d (%s)%n", e.path("entryPointId").asLong(),
                answer.path("responseType").asInt(), decision.path("rule").asText());
        if (decision.hasNonNull("why")) {
            out.printf("  why: %s%n", decision.path("why").asText());
        }
        if (answer.path("offHours").asBoolean()) {
            out.printf("  off-hours message: %s%n", answer.path("offHoursMessage").asText());
        }
        out.printf("  evaluated at %s, scope %s, %s%n", e.path("evaluatedAt").asText(), e.path("scope").asText(),
                e.path("active").asBoolean() ? "active" : "INACTIVE");
        out.printf("  calendar: %s%n", calendar(e.path("calendar")));
        JsonNode queue = e.path("queue");
        out.printf("  queue: %d waiting, maximum %s, chats time out after %d s%n", queue.path("depth").asInt(),
                queue.path("maxQueueDepth").asInt() == 0 ? "none" : queue.path("maxQueueDepth").asText(),
                queue.path("maxWaitSeconds").asInt());
        out.println("  rules, first that applies decides:");
        for (JsonNode row : decision.path("rows")) {
            boolean decides = row.path("rule").asText().equals(decision.path("rule").asText());
            out.printf("    %-24s -> %d  %s%n", row.path("rule").asText(), row.path("responseType").asInt(),
                    decides ? "applies, decides" : row.path("applies").asBoolean() ? "applies" : "-");
        }
        out.printf("  in scope: %s%n", counts(e.path("inScope")));
        for (JsonNode source : e.path("sources")) {
            out.printf("  %s %d: %s%n", source.path("kind").asText().toLowerCase().replace('_', ' '),
                    source.path("id").asInt(), counts(source.path("counts")));
            if (source.path("partitions").isEmpty()) {
                out.println("    no availability record yet (no agent of it has logged in since the topics began)");
            }
            for (JsonNode p : source.path("partitions")) {
                out.printf("    partition %d, agent events up to offset %d, as of %s: %s%n", p.path("partition").asInt(),
                        p.path("throughOffset").asLong(), p.path("asOf").asText("-"), counts(p.path("counts")));
            }
        }
    }

    private static String calendar(JsonNode c) {
        if (!c.path("configured").asBoolean()) {
            return "no business hours configured (always open)";
        }
        StringBuilder text = new StringBuilder(c.path("open").asBoolean() ? "open" : "CLOSED");
        text.append(" (").append(c.path("timeZone").asText()).append(' ').append(c.path("dayOfWeek").asText())
                .append(' ').append(c.path("localTime").asText());
        if (c.path("holiday").asBoolean()) {
            text.append(", holiday");
        }
        if (c.hasNonNull("openInterval")) {
            text.append(", open ").append(c.path("openInterval").asText());
        }
        if (c.hasNonNull("nextOpening")) {
            text.append(", opens next ").append(c.path("nextOpening").asText());
        }
        return text.append(')').toString();
    }

    private static String counts(JsonNode counts) {
        StringBuilder text = new StringBuilder();
        for (String name : COUNTS) {
            text.append(text.length() == 0 ? "" : ", ").append(name).append(' ').append(counts.path(name).asInt());
        }
        return text.toString();
    }
}
