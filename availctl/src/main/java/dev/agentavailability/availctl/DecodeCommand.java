package dev.agentavailability.availctl;

import dev.agentavailability.contract.wire.CtiCodec;
import dev.agentavailability.contract.wire.FrameException;
import dev.agentavailability.contract.wire.TagWidth;
import dev.agentavailability.contract.wire.WireMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.TypeConversionException;

/** {@code availctl decode}: ARM frames from byte lists or ECE listener log records, as JSON. */
@Command(name = "decode", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Decode CTI/ARM frames and print each message as JSON.",
                "INPUT is a byte list (signed decimal as ECE logs it, unsigned decimal, or hex) or a listener "
                        + "log line ('... Sending MAKE_AGENT_ROUTABLE_IND -> 0 0 0 16 ...'). Without INPUT, "
                        + "standard input is read: a byte list, or log text (records may wrap over lines; "
                        + "records that are not frames are skipped)."},
        footer = {"", "Examples:",
                "  availctl decode 0 0 0 16 0 0 0 -102 0 1 57 43 0 0 19 -120 0 0 25 20 0 0 0 2",
                "  availctl decode 000000100000009a0001392b000013880000191400000002",
                "  availctl decode < listener.log"})
public final class DecodeCommand extends Subcommand {

    @Option(names = "--tag-width", paramLabel = "1|2", defaultValue = "1", converter = TagWidthConverter.class,
            description = "Bytes of a floating field's tag and length: 1 (CTI protocol below 20, as the ECE "
                    + "listener logs show; the default) or 2 (protocol 20 and later).")
    TagWidth tagWidth;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "json", converter = FormatConverter.class,
            description = "Output format: json (the default and, for now, the only one).")
    Format format;

    @Parameters(paramLabel = "INPUT", arity = "0..*",
            description = "A byte list or a log line. Unquoted bytes form one frame; several quoted lists or "
                    + "lines are decoded one by one.")
    List<String> inputs = new ArrayList<>();

    /** The output formats. */
    public enum Format {
        JSON
    }

    @Override
    protected int run() throws CliFailure {
        List<FrameInput.Found> frames = inputs.isEmpty() ? FrameInput.fromText(readStdin())
                : FrameInput.fromArguments(inputs);
        CtiCodec codec = new CtiCodec();
        int number = 0;
        int bad = 0;
        for (FrameInput.Found frame : frames) {
            number++;
            String where = "frame " + number + (frame.line() > 0 ? " (line " + frame.line() + ")" : "");
            if (frame.fault() != null) {
                complain(where + ": " + frame.fault());
                bad++;
                continue;
            }
            WireMessage message;
            try {
                message = frame.logged() != null ? frame.logged().decode(codec, tagWidth)
                        : codec.decode(frame.bytes(), tagWidth);
            } catch (FrameException broken) {
                complain(where + ": " + broken.getMessage());
                bad++;
                continue;
            }
            out().println(MessageJson.pretty(MessageJson.of(message, frame.logged())));
        }
        return bad == 0 ? ExitCodes.OK : ExitCodes.BAD_INPUT;
    }

    private String readStdin() throws CliFailure {
        if (availctl().stdinIsTerminal()) {
            throw CliFailure.badInput("no INPUT given and stdin is a terminal: give a byte list or a log "
                    + "line as arguments, or pipe a log into 'availctl decode'");
        }
        try {
            return new String(availctl().stdin().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            throw CliFailure.failure("cannot read stdin: " + unreadable.getMessage());
        }
    }

    private void complain(String message) {
        err().println("availctl: " + message);
        err().flush();
    }

    /** {@code 1} or {@code 2}. */
    static final class TagWidthConverter implements ITypeConverter<TagWidth> {
        @Override
        public TagWidth convert(String value) {
            switch (value.strip()) {
                case "1":
                    return TagWidth.ONE_BYTE;
                case "2":
                    return TagWidth.TWO_BYTES;
                default:
                    throw new TypeConversionException("'" + value + "' is not a tag width; use 1 or 2");
            }
        }
    }

    /** A format name, any case. */
    static final class FormatConverter implements ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            for (Format format : Format.values()) {
                if (format.name().equalsIgnoreCase(value.strip())) {
                    return format;
                }
            }
            throw new TypeConversionException("'" + value + "' is not a format; use "
                    + Format.JSON.name().toLowerCase(Locale.ROOT));
        }
    }
}
