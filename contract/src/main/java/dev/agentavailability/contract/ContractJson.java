package dev.agentavailability.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.UncheckedIOException;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;

/** The one JSON mapping of every record on our topics. */
public final class ContractJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(new Jdk8Module())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            // Readers of an older build must still read records that gained a field.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // A number missing from an older record reads as 0; the readers' checks refuse a 0 where it matters.
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .build();

    private ContractJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A reader's view of why a JSON text could not be mapped: the field path and the fault, no stack. */
    public static String describe(JsonProcessingException e) {
        String path = e instanceof JsonMappingException m && !m.getPath().isEmpty()
                ? m.getPath().stream()
                        .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                        .collect(Collectors.joining("."))
                : null;
        String what = e.getOriginalMessage();
        // Jackson appends newlines and hints about its own settings; a reader wants the fault only.
        for (String tail : new String[] {"\n", " (but ", " (set DeserializationConfig", " at [Source"}) {
            int cut = what.indexOf(tail);
            if (cut > 0) {
                what = what.substring(0, cut);
            }
        }
        return path == null ? "not valid JSON: " + what : "field '" + path + "': " + what;
    }

    /**
     * A record value as one event type, the one way every reader of the topics reads one: a missing or blank value,
     * text that is not that type's JSON, JSON null, another schema version or a fault that {@code fault} finds
     * (null: none) is a malformed record with the reason, never an exception.
     */
    public static <T> Decoded<T> readRecord(String json, Class<T> type, ToIntFunction<T> schemaVersion,
            int knownVersion, Function<T, String> fault) {
        if (json == null || json.isBlank()) {
            return Decoded.malformed(EMPTY_RECORD);
        }
        try {
            return Decoded.ok(MAPPER.readValue(json, type))
                    .check(value -> versionFault(schemaVersion.applyAsInt(value), knownVersion))
                    .check(fault);
        } catch (JsonProcessingException e) {
            return Decoded.malformed(describe(e));
        }
    }

    /** What a reader says of a missing or blank record value. */
    public static final String EMPTY_RECORD = "empty record value";

    /** The fault of a schema version this reader does not know, or null. */
    public static String versionFault(int version, int known) {
        return version == known ? null : "unsupported schemaVersion " + version + " (this reader knows " + known + ")";
    }
}
