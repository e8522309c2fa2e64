package dev.agentavailability.availctl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentavailability.contract.wire.ArmFrameLine;
import dev.agentavailability.contract.wire.FloatingField;
import dev.agentavailability.contract.wire.WireField;
import dev.agentavailability.contract.wire.WireMessage;
import dev.agentavailability.contract.wire.WireMessage.FloatingValue;
import java.io.UncheckedIOException;

/**
 * A decoded message as JSON: {@code message}, {@code messageType}, {@code provenance}, {@code direction}
 * and {@code at} when it came from a log record, {@code fields} (the fixed part in wire order) and
 * {@code floating} (tag, name, wireName, value, in wire order). A TaskID is written {@code high-low-sequence},
 * a TIME as an ISO-8601 instant.
 */
public final class MessageJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ObjectWriter PRETTY;

    static {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator(""));
        printer.indentObjectsWith(indenter);
        printer.indentArraysWith(indenter);
        PRETTY = MAPPER.writer(printer);
    }

    private MessageJson() {
    }

    /** The message, with the direction and time of the log record it came from (null for a bare byte list). */
    public static ObjectNode of(WireMessage message, ArmFrameLine logged) {
        ObjectNode json = MAPPER.createObjectNode();
        json.put("message", message.name());
        json.put("messageType", message.type());
        json.put("provenance", message.layout().provenance().name());
        if (logged != null) {
            json.put("direction", logged.direction().name());
            if (logged.at() != null) {
                json.put("at", logged.at().toString());
            }
        }
        ObjectNode fields = json.putObject("fields");
        for (WireField field : message.layout().fixed()) {
            put(fields, field.key(), message.fields().get(field.key()));
        }
        ArrayNode floating = json.putArray("floating");
        for (FloatingValue value : message.floating()) {
            ObjectNode entry = floating.addObject();
            entry.put("tag", value.tag());
            entry.put("name", value.name());
            entry.put("wireName", message.layout().floatingByTag(value.tag()).map(FloatingField::wireName)
                    .orElse(value.name()));
            put(entry, "value", value.value());
        }
        return json;
    }

    /** Two-space indented JSON, {@code "key": value}, without a trailing line break. */
    public static String pretty(JsonNode json) {
        try {
            return PRETTY.writeValueAsString(json);
        } catch (JsonProcessingException impossible) {
            throw new UncheckedIOException(impossible);
        }
    }

    private static void put(ObjectNode json, String key, Object value) {
        if (value == null) {
            json.putNull(key);
        } else if (value instanceof Long) {
            json.put(key, (Long) value);
        } else if (value instanceof Integer) {
            json.put(key, (Integer) value);
        } else if (value instanceof Boolean) {
            json.put(key, (Boolean) value);
        } else {
            // String, Instant (ISO-8601), TaskId (high-low-sequence)
            json.put(key, value.toString());
        }
    }
}
