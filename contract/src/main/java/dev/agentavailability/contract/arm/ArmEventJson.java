package dev.agentavailability.contract.arm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.agentavailability.contract.ContractJson;
import dev.agentavailability.contract.Decoded;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.stream.Collectors;

/** Reads and writes {@link ArmEvent} JSON, refusing records that no projection could apply. */
public final class ArmEventJson {

    /** Eight bytes of an array as one long (any byte order will do for comparing). */
    static final java.lang.invoke.VarHandle LONGS = java.lang.invoke.MethodHandles.byteArrayViewVarHandle(
            long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

    /**
     * {@link ContractJson}'s mapping with one shortcut: an {@code occurredAt} written as {@code ContractJson} writes
     * it ({@code 2019-08-19T13:34:09.773Z}) is read without {@code DateTimeFormatter}, which took a third of the time
     * of a replay. Any other text goes to the usual deserializer, so values and faults are the same.
     */
    private static final ObjectReader READER = ContractJson.mapper().copy()
            .registerModule(new SimpleModule("arm-event-fast-instant").setDeserializerModifier(
                    new BeanDeserializerModifier() {
                        @Override
                        public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config,
                                BeanDescription description, JsonDeserializer<?> deserializer) {
                            return description.getBeanClass() == Instant.class
                                    ? new FastInstantDeserializer(deserializer) : deserializer;
                        }
                    }))
            .readerFor(ArmEvent.class);

    /** {@link ArmMessage#requiredFields()} by ordinal, as arrays: iterated for every event read. */
    private static final ArmField[][] REQUIRED = new ArmField[ArmMessage.values().length][];

    static {
        for (ArmMessage message : ArmMessage.values()) {
            REQUIRED[message.ordinal()] = message.requiredFields().toArray(new ArmField[0]);
        }
    }

    private ArmEventJson() {
    }

    public static String write(ArmEvent event) {
        return ContractJson.write(event);
    }

    public static Decoded<ArmEvent> read(String json) {
        if (json == null || json.isBlank()) {
            return Decoded.malformed(ContractJson.EMPTY_RECORD);
        }
        if (isAscii(json)) {
            byte[] bytes = json.getBytes(StandardCharsets.ISO_8859_1);
            ArmEvent compact = CompactArmReader.read(bytes, 0, bytes.length);
            if (compact != null) {
                return Decoded.ok(compact).check(ArmEventJson::fault);
            }
        }
        try {
            return Decoded.ok(READER.<ArmEvent>readValue(json)).check(ArmEventJson::fault);
        } catch (JsonProcessingException e) {
            return Decoded.malformed(ContractJson.describe(e));
        }
    }

    /**
     * The record value as Kafka holds it (UTF-8), with the same result as {@link #read(String)} of its text. An
     * ASCII value (what {@link #write} produces for ASCII text) is parsed from the bytes; any other value, and any
     * value that does not parse, goes through {@link #read(String)}, so faults are worded the same.
     */
    public static Decoded<ArmEvent> read(byte[] json) {
        if (json == null) {
            return Decoded.malformed(ContractJson.EMPTY_RECORD);
        }
        // the compact reader takes ASCII only (any other byte is not of its shape), so try it before scanning
        ArmEvent event = CompactArmReader.read(json, 0, json.length);
        if (event != null) {
            return Decoded.ok(event).check(ArmEventJson::fault);
        }
        boolean blank = true;
        for (byte b : json) {
            if (b < 0) {
                return read(new String(json, StandardCharsets.UTF_8));
            }
            if (blank && !Character.isWhitespace(b)) {
                blank = false;
            }
        }
        if (blank) {
            return Decoded.malformed(ContractJson.EMPTY_RECORD);
        }
        try {
            event = READER.readValue(json);
        } catch (IOException e) {
            return read(new String(json, StandardCharsets.US_ASCII));
        }
        return Decoded.ok(event).check(ArmEventJson::fault);
    }

    /**
     * A record value as the Kafka client hands it to a deserializer (a view of its fetch buffer), with the same result
     * as {@link #read(byte[])} of its bytes, which it copies only when they are not of the compact shape. The buffer's
     * position is left where it was.
     */
    public static Decoded<ArmEvent> read(ByteBuffer json) {
        if (json == null) {
            return Decoded.malformed(ContractJson.EMPTY_RECORD);
        }
        if (json.hasArray()) {
            int from = json.arrayOffset() + json.position();
            ArmEvent event = CompactArmReader.read(json.array(), from, from + json.remaining());
            if (event != null) {
                return Decoded.ok(event).check(ArmEventJson::fault);
            }
        }
        byte[] bytes = new byte[json.remaining()];
        json.duplicate().get(bytes);
        return read(bytes);
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** The first structural fault of an event, or null. Semantic faults (a task on a logged-out agent) are the projection's. */
    static String fault(ArmEvent e) {
        String version = ContractJson.versionFault(e.schemaVersion(), ArmEvent.SCHEMA_VERSION);
        if (version != null) {
            return version;
        }
        if (e.eventId() == null) {
            return "eventId is missing";
        }
        if (e.message() == null) {
            return "message is missing";
        }
        if (e.messageType() != e.message().type()) {
            return "messageType " + e.messageType() + " does not match " + e.message() + " (" + e.message().type() + ")";
        }
        if (e.occurredAt() == null) {
            return "occurredAt is missing";
        }
        if (e.mrdId() <= 0) {
            return "mrdId must be a positive MRD id, was " + e.mrdId();
        }
        if (e.message().isPerAgent() ? e.icmAgentId() <= 0 : e.icmAgentId() != 0) {
            return e.message().isPerAgent()
                    ? "icmAgentId must be a positive ICM agent id, was " + e.icmAgentId()
                    : e.message() + " concerns a whole MRD, so icmAgentId must be 0, was " + e.icmAgentId();
        }
        boolean complete = true;
        for (ArmField field : REQUIRED[e.message().ordinal()]) {
            if (!field.isPresentIn(e.fields())) {
                complete = false;
                break;
            }
        }
        if (complete) {
            return null;
        }
        String missing = e.message().requiredFields().stream()
                .filter(f -> !f.isPresentIn(e.fields()))
                .map(f -> "fields." + f.jsonName())
                .sorted()
                .collect(Collectors.joining(", "));
        return missing.isEmpty() ? null : e.message() + " needs " + missing;
    }

}
