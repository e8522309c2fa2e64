package dev.agentavailability.listener.arm;

import dev.agentavailability.contract.arm.ArmEvent;
import dev.agentavailability.contract.arm.ArmEventJson;
import dev.agentavailability.contract.arm.ArmFields;
import dev.agentavailability.contract.arm.ArmMessage;
import dev.agentavailability.contract.wire.ArmFrameLine;
import dev.agentavailability.contract.wire.ArmWireMapping;
import dev.agentavailability.contract.wire.ByteDumpException;
import dev.agentavailability.contract.wire.CtiCodec;
import dev.agentavailability.contract.wire.FrameException;
import dev.agentavailability.contract.wire.ListenerLogRecord;
import dev.agentavailability.contract.wire.MessageLayouts;
import dev.agentavailability.contract.wire.TagWidth;
import dev.agentavailability.contract.wire.WireMessage;
import dev.agentavailability.listener.ListenerSettings;
import dev.agentavailability.listener.agent.ArmRequest;
import dev.agentavailability.listener.agent.SentRequests;
import dev.agentavailability.rest.Problem;
import dev.agentavailability.rest.ProblemException;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.Response;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the body of {@code POST /arm} into the ARM requests it carries, all of them before any is run: binary
 * CTI frames, the listener-log text form, or one JSON message. Anything that cannot become a valid event (a
 * frame that does not decode, a response whose request is unknown, a value the wire cannot carry) is a 400
 * problem naming the frame's index, so that nothing of a bad body is published.
 */
@Singleton
public class ArmInput {

    /** A decoded message and where it came from, for problems. */
    private record Read(ArmEvent event, String where) {
    }

    private final CtiCodec codec = new CtiCodec();
    private final SentRequests sentRequests;

    public ArmInput(SentRequests sentRequests) {
        this.sentRequests = sentRequests;
    }

    /** One or more concatenated frames; each frame's header gives its length. */
    public List<ArmRequest> frames(byte[] body, TagWidth width) {
        if (body == null || body.length == 0) {
            throw new ProblemException(badRequest("the body holds no CTI frame", null));
        }
        List<Read> read = new ArrayList<>();
        int start = 0;
        while (start < body.length) {
            int index = read.size();
            int end = body.length;
            if (body.length - start >= CtiCodec.HEADER_BYTES) {
                long declared = Integer.toUnsignedLong(ByteBuffer.wrap(body, start, 4).getInt());
                end = (int) Math.min(body.length, start + CtiCodec.HEADER_BYTES + declared);
            }
            String where = "frame " + index + " (body bytes " + start + ".." + (end - 1) + ")";
            WireMessage message;
            try {
                message = codec.decode(Arrays.copyOfRange(body, start, end), width);
            } catch (FrameException e) {
                throw new ProblemException(badFrame(where, index, e).with("bodyOffset", start));
            }
            read.add(new Read(toEvent(message, where, index), where));
            start = end;
        }
        return requests(read);
    }

    /** Listener-log text: whole records with timestamps, or pasted {@code Sending NAME -> bytes} lines. */
    public List<ArmRequest> logText(String text, TagWidth width) {
        List<Read> read = new ArrayList<>();
        for (ListenerLogRecord record : ListenerLogRecord.records(text == null ? "" : text)) {
            List<ArmFrameLine> frames;
            try {
                frames = record.frames();
            } catch (ByteDumpException e) {
                throw new ProblemException(badRequest("frame " + read.size() + " (line " + record.firstLineNumber()
                        + "): bytes: " + e.getMessage(), read.size()).with("line", record.firstLineNumber()));
            }
            for (ArmFrameLine frame : frames) {
                int index = read.size();
                String where = "frame " + index + " (" + frame.name() + ", line " + frame.firstLineNumber() + ")";
                WireMessage message;
                try {
                    message = frame.decode(codec, width);
                } catch (FrameException e) {
                    throw new ProblemException(badFrame(where, index, e).with("line", frame.firstLineNumber()));
                }
                read.add(new Read(toEvent(message, where, index), where));
            }
        }
        if (read.isEmpty()) {
            throw new ProblemException(
                    badRequest("no 'Sending NAME -> bytes' or 'Received NAME -> bytes' in the text", null));
        }
        return requests(read);
    }

    /** One message in the JSON shape of an agent event. */
    public List<ArmRequest> json(ArmJsonMessage body) {
        ArmMessage message = body.message();
        String where = "message 0 (" + message + ")";
        if (body.messageType() != null && body.messageType() != message.type()) {
            throw new ProblemException(badRequest(where + ": messageType " + body.messageType() + " does not match "
                    + message + " (" + message.type() + ")", 0));
        }
        boolean carriesInvokeId = MessageLayouts.standard().byName(message.name())
                .map(layout -> layout.field(MessageLayouts.INVOKE_ID.key()).isPresent()).orElse(true);
        if (!carriesInvokeId && body.invokeId() != null && body.invokeId() != 0) {
            throw new ProblemException(
                    badRequest(where + ": " + message + " carries no invokeId on the wire; leave it out", 0));
        }
        Long invokeId = body.invokeId();
        if (invokeId == null && (!carriesInvokeId || SentRequests.isResponse(message))) {
            invokeId = 0L;
        }
        ArmRequest request = new ArmRequest(message, invokeId, orZero(body.icmAgentId()), orZero(body.mrdId()),
                body.fields() == null ? ArmFields.NONE : body.fields());
        return List.of(checked(resolve(request, Map.of(), where, 0), where, 0));
    }

    private List<ArmRequest> requests(List<Read> read) {
        Map<Long, SentRequests.Sent> earlier = new HashMap<>();
        List<ArmRequest> requests = new ArrayList<>();
        for (int index = 0; index < read.size(); index++) {
            String where = read.get(index).where();
            ArmRequest request = checked(resolve(ArmRequest.of(read.get(index).event()), earlier, where, index),
                    where, index);
            if (request.invokeId() != 0 && SentRequests.answeredBy(request.message()).isPresent()) {
                earlier.put(request.invokeId(),
                        new SentRequests.Sent(request.message(), request.icmAgentId(), request.mrdId()));
            }
            requests.add(request);
        }
        return requests;
    }

    /**
     * A response as the wire carries it (no MRD, no agent) takes them from the request whose invoke id it
     * echoes: one earlier in this body, or one the listener published.
     */
    private ArmRequest resolve(ArmRequest request, Map<Long, SentRequests.Sent> earlier, String where, int index) {
        if (!SentRequests.isResponse(request.message()) || request.mrdId() != 0 || request.icmAgentId() != 0) {
            return request;
        }
        long invokeId = request.invokeId() == null ? 0 : request.invokeId();
        SentRequests.Sent sent = earlier.containsKey(invokeId) ? earlier.get(invokeId)
                : sentRequests.find(invokeId).orElseThrow(() -> new ProblemException(badRequest(where + ": "
                        + request.message() + " echoes invoke id " + invokeId + ", which no request the listener"
                        + " published carries; give its mrdId and icmAgentId (JSON form)", index)));
        ArmMessage expected = SentRequests.requestOf(request.message()).orElseThrow();
        if (sent.message() != expected) {
            throw new ProblemException(badRequest(where + ": " + request.message() + " echoes invoke id " + invokeId
                    + " of a " + sent.message() + ", not of a " + expected, index));
        }
        return new ArmRequest(request.message(), request.invokeId(), sent.icmAgentId(), sent.mrdId(),
                request.fields());
    }

    /** The request as an event must be one every reader accepts and the CTI wire can carry. */
    private static ArmRequest checked(ArmRequest request, String where, int index) {
        ArmEvent probe = request.toEvent(request.invokeId() == null ? 0 : request.invokeId(), Instant.now());
        String fault = ArmEventJson.read(ArmEventJson.write(probe)).error();
        if (fault == null) {
            try {
                ArmWireMapping.toWire(probe);
            } catch (IllegalArgumentException e) {
                fault = e.getMessage();
            }
        }
        if (fault != null) {
            throw new ProblemException(badRequest(where + ": " + fault, index));
        }
        return request;
    }

    private static ArmEvent toEvent(WireMessage message, String where, int index) {
        try {
            return ArmWireMapping.toEvent(message, Instant.now(), ListenerSettings.SOURCE);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(badRequest(where + ": " + e.getMessage(), index));
        }
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }

    private static Problem badFrame(String where, int index, FrameException e) {
        return badRequest(where + ": " + e.getMessage(), index).with("offset", e.offset()).with("fault", e.fault());
    }

    private static Problem badRequest(String detail, Integer index) {
        Problem problem = Problem.of(Response.Status.BAD_REQUEST, detail);
        return index == null ? problem : problem.with("index", index);
    }
}
