package dev.agentavailability.contract.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.agentavailability.contract.Decoded;
import dev.agentavailability.contract.arm.ArmEvent;
import dev.agentavailability.contract.arm.ArmEventJson;
import dev.agentavailability.contract.availability.AvailabilityJson;
import dev.agentavailability.contract.chat.ChatEventJson;
import dev.agentavailability.contract.config.ConfigEventJson;
import dev.agentavailability.contract.entrypoint.EntryPointEventJson;
import dev.agentavailability.contract.wire.ArmFrameLine;
import dev.agentavailability.contract.wire.ByteDump;
import dev.agentavailability.contract.wire.ByteDumpException;
import dev.agentavailability.contract.wire.CtiCodec;
import dev.agentavailability.contract.wire.FrameException;
import dev.agentavailability.contract.wire.ListenerLogRecord;
import dev.agentavailability.contract.wire.TagWidth;
import dev.agentavailability.contract.wire.WireMessage;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

/**
 * Everything that reads bytes from outside: CTI frames, ECE listener logs, the compact ARM JSON reader and every
 * event reader. Each may refuse an input only in its documented way (a {@link FrameException}, a
 * {@link ByteDumpException}, a malformed {@link Decoded}); any other exception, a hang or a difference between two
 * readers of the same bytes is a finding. In every build the inputs under {@code ReadersFuzzTestInputs} run as
 * regression tests; {@code bin/fuzz} fuzzes each method for a million executions or more.
 */
class ReadersFuzzTest {

    /** Per method when fuzzing (bin/fuzz); regression runs take only the stored inputs. */
    static final long EXECUTIONS = 1_000_000;
    private static final CtiCodec CODEC = new CtiCodec();
    private static final List<Function<String, Decoded<?>>> EVENT_READERS = List.of(ArmEventJson::read,
            ConfigEventJson::read, ChatEventJson::read, EntryPointEventJson::read, AvailabilityJson::readSkillGroup,
            AvailabilityJson::readMrd);

    /** A frame as a CTI client sends it: decoded, or a FrameException; a decoded frame encodes and decodes back. */
    @FuzzTest(maxExecutions = EXECUTIONS, maxDuration = "30m")
    void ctiFrame(FuzzedDataProvider data) {
        TagWidth width = data.pickValue(TagWidth.values());
        byte[] frame = data.consumeRemainingAsBytes();
        WireMessage message;
        try {
            message = CODEC.decode(frame, width);
        } catch (FrameException refused) {
            return;
        }
        byte[] again;
        try {
            again = CODEC.encode(message, width);
        } catch (IllegalArgumentException notEncodable) {
            return; // a value the tag width cannot carry is refused by name when encoding, never silently cut
        }
        // compared as bytes: a message's fields may hold byte arrays, which records compare by identity
        assertThat(CODEC.encode(CODEC.decode(again, width), width)).isEqualTo(again);
    }

    /** A listener log as availctl import-log reads it: records, frames and their bytes, each fault by its type. */
    @FuzzTest(maxExecutions = EXECUTIONS, maxDuration = "30m")
    void listenerLog(FuzzedDataProvider data) {
        TagWidth width = data.pickValue(TagWidth.values());
        String log = data.consumeRemainingAsString();
        for (ListenerLogRecord record : ListenerLogRecord.records(log)) {
            List<ArmFrameLine> frames;
            try {
                frames = record.frames();
            } catch (ByteDumpException refused) {
                continue;
            }
            for (ArmFrameLine frame : frames) {
                try {
                    frame.decode(CODEC, width);
                } catch (FrameException refused) {
                    // named by offset and reason: what import-log prints with the file and line
                }
            }
        }
    }

    /** A byte list pasted into availctl decode. */
    @FuzzTest(maxExecutions = EXECUTIONS, maxDuration = "30m")
    void byteDump(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        try {
            ByteDump.parse(text);
        } catch (ByteDumpException refused) {
            assertThat(refused.getMessage()).isNotBlank();
        }
    }

    /**
     * An agent-event record as Kafka hands it over: the compact reader of the bytes, the buffer reader and the reader
     * of the text agree on every input, valid or not.
     */
    @FuzzTest(maxExecutions = EXECUTIONS, maxDuration = "30m")
    void armEventBytes(byte[] value) {
        Decoded<ArmEvent> fromText = ArmEventJson.read(new String(value, StandardCharsets.UTF_8));
        assertThat(ArmEventJson.read(value)).isEqualTo(fromText);
        assertThat(ArmEventJson.read(ByteBuffer.wrap(value))).isEqualTo(fromText);
    }

    /** Any text on any topic: each event reader answers a value or a malformed record with a reason. */
    @FuzzTest(maxExecutions = EXECUTIONS, maxDuration = "30m")
    void eventReaders(FuzzedDataProvider data) {
        String value = data.consumeRemainingAsString();
        for (Function<String, Decoded<?>> reader : EVENT_READERS) {
            Decoded<?> decoded = reader.apply(value);
            assertThat(decoded.isValid() ? decoded.value() : decoded.error()).isNotNull();
        }
    }
}
