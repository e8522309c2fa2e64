package dev.agentavailability.listener.arm;

import dev.agentavailability.contract.access.Roles;
import dev.agentavailability.contract.wire.TagWidth;
import dev.agentavailability.listener.agent.AgentCommands;
import dev.agentavailability.listener.agent.ArmRequest;
import dev.agentavailability.listener.agent.Published;
import dev.agentavailability.rest.Problem;
import dev.agentavailability.rest.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.function.Supplier;

/**
 * ARM messages as the ECE listener sends them to the CTI server: binary frames, the listener log's
 * {@code Sending NAME -> bytes} text, or one JSON message. Server-to-client messages (responses, events,
 * interrupt advisories) are taken too: the lab has no CTI server, so the listener plays both sides. The whole
 * body is read first (a bad frame publishes nothing), then the messages run in order as agent actions do;
 * the answer lists the records published. Events take the time of the call, never a log's time.
 */
@RolesAllowed({Roles.ECE_LISTENER, Roles.ADMIN})
@Path("/arm")
@Produces(MediaType.APPLICATION_JSON)
public class ArmResource {

    private final AgentCommands commands;
    private final ArmInput input;

    public ArmResource(AgentCommands commands, ArmInput input) {
        this.commands = commands;
        this.input = input;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Published json(@Valid @NotNull ArmJsonMessage body) {
        return run(() -> input.json(body));
    }

    /** One or more concatenated frames; {@code tagWidth} 1 (before protocol 20, what ECE logs show) or 2. */
    @POST
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    public Published frames(byte[] body, @QueryParam("tagWidth") @DefaultValue("1") String tagWidth) {
        TagWidth width = width(tagWidth);
        return run(() -> input.frames(body, width));
    }

    /** One or more listener-log records or pasted {@code Sending NAME -> b b b ...} lines. */
    @POST
    @Consumes(MediaType.TEXT_PLAIN)
    public Published logText(String body, @QueryParam("tagWidth") @DefaultValue("1") String tagWidth) {
        TagWidth width = width(tagWidth);
        return run(() -> input.logText(body, width));
    }

    private Published run(Supplier<List<ArmRequest>> read) {
        commands.requireReady();
        return ArmSequence.run(commands, read.get());
    }

    private static TagWidth width(String tagWidth) {
        switch (tagWidth.strip()) {
            case "1":
                return TagWidth.ONE_BYTE;
            case "2":
                return TagWidth.TWO_BYTES;
            default:
                throw new ProblemException(Problem.of(Response.Status.BAD_REQUEST,
                        "tagWidth must be 1 (one-byte floating tags, protocol before 20) or 2, was '" + tagWidth
                                + "'"));
        }
    }
}
