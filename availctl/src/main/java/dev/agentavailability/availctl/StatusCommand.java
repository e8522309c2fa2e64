package dev.agentavailability.availctl;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code availctl status AGENT}: the router's view of one agent, in rttest's layout. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Show router-service's view of an agent, as rttest's 'agent_status /agent' prints it: "
                + "GET {router}/agents/{AGENT}/status with Accept: text/plain."},
        footer = {"", "Example:", "  availctl status 6420"})
public final class StatusCommand extends Subcommand {

    @Parameters(index = "0", paramLabel = "AGENT", description = "ICM agent id (skill target id), e.g. 6420.")
    int agent;

    @Mixin
    RouterOptions router;

    @Override
    protected int run() throws CliFailure {
        ServiceClient client = router.client();
        ServiceClient.Answer answer = client.get("/agents/" + agent + "/status", "text/plain");
        if (answer.status() == 404) {
            throw CliFailure.failure("agent " + agent + ": " + answer.problem());
        }
        if (!answer.ok()) {
            throw CliFailure.failure("router-service at " + client.baseUrl() + " answered HTTP " + answer.status()
                    + " for agent " + agent + ": " + answer.problem());
        }
        String body = answer.body();
        out().print(body);
        if (!body.isEmpty() && !body.endsWith("\n")) {
            out().println();
        }
        return ExitCodes.OK;
    }
}
