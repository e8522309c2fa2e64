package dev.agentavailability.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import com.fasterxml.jackson.databind.ser.PropertyWriter;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.agentavailability.contract.ContractJson;
import dev.agentavailability.contract.arm.ArmEvent;
import dev.agentavailability.contract.arm.ArmField;
import dev.agentavailability.contract.arm.ArmFields;
import dev.agentavailability.contract.arm.ArmMessage;
import dev.agentavailability.contract.arm.IcmAgentState;
import dev.agentavailability.contract.arm.TaskId;
import dev.agentavailability.contract.availability.AgentAvailability;
import dev.agentavailability.contract.availability.AvailabilityCounts;
import dev.agentavailability.contract.availability.MrdAvailability;
import dev.agentavailability.contract.availability.SkillGroupAvailability;
import dev.agentavailability.contract.chat.ChatEvent;
import dev.agentavailability.contract.chat.ChatEventType;
import dev.agentavailability.contract.config.AgentConfig;
import dev.agentavailability.contract.config.ApplicationPathConfig;
import dev.agentavailability.contract.config.ConfigEvent;
import dev.agentavailability.contract.config.ConfigKind;
import dev.agentavailability.contract.config.MrdConfig;
import dev.agentavailability.contract.config.SkillGroupConfig;
import dev.agentavailability.contract.entrypoint.AvailabilityScope;
import dev.agentavailability.contract.entrypoint.BusinessHoursSettings;
import dev.agentavailability.contract.entrypoint.EntryPointEvent;
import dev.agentavailability.contract.entrypoint.EntryPointSettings;
import dev.agentavailability.contract.topic.TopicSpec;
import dev.agentavailability.contract.topic.Topics;
import dev.agentavailability.projection.AgentMrdState;
import dev.agentavailability.projection.AgentState;
import dev.agentavailability.projection.TaskEntry;
import dev.agentavailability.projection.TaskStatus;
import dev.agentavailability.projection.snapshot.PartitionSnapshot;
import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code docs/asyncapi.yaml} true to the code: the topics and their settings against {@link Topics}, every
 * payload schema against what {@link ContractJson} writes for the event class (property names, types, formats,
 * enums, schemaVersion, which keys are always present), the ARM message rules against {@link ArmMessage}, and
 * real events, their keys and the document's own examples against the schemas with a JSON Schema validator.
 *
 * <p>When it fails, the message names the topic and the property: change the document or the class so that they
 * agree again (and bump the class's SCHEMA_VERSION when a field changes meaning).
 */
class AsyncApiDocumentTest {

    private static final ObjectMapper JSON = ContractJson.mapper();
    private static final Path ROOT = projectRoot();
    private static final JsonNode DOC = readYaml(ROOT.resolve("docs/asyncapi.yaml"));

    /** The value class of each JSON topic. The dead-letter topic carries the unreadable record as it was. */
    private static final Map<String, Class<?>> VALUE_CLASSES = Map.of(
            Topics.AGENT_EVENTS, ArmEvent.class,
            Topics.CONFIG, ConfigEvent.class,
            Topics.CHAT_EVENTS, ChatEvent.class,
            Topics.ENTRY_POINTS, EntryPointEvent.class,
            Topics.PROJECTION_SNAPSHOTS, PartitionSnapshot.class,
            Topics.SKILL_GROUP_AVAILABILITY, SkillGroupAvailability.class,
            Topics.MRD_AVAILABILITY, MrdAvailability.class,
            Topics.AGENT_STATES, AgentAvailability.class);

    private static final Instant T = Instant.parse("2025-03-03T14:03:22.125Z");
    private static final UUID CHAT = UUID.fromString("8c7b6a59-4837-4261-9f5e-4d3c2b1a0f9e");

    // ---- topics -------------------------------------------------------------------------------------------------

    @Test
    void everyTopicHasOneChannelAndNoChannelIsForAnotherTopic() {
        Set<String> topics = Topics.all(6).stream().map(TopicSpec::name).collect(Collectors.toCollection(TreeSet::new));
        Set<String> addresses = new TreeSet<>();
        List<String> errors = new ArrayList<>();
        channels().forEach((id, channel) -> {
            String address = channel.path("address").asText(null);
            if (address == null) {
                errors.add("channel " + id + " has no address");
            } else if (!addresses.add(address)) {
                errors.add("two channels for topic " + address);
            }
        });
        for (String topic : topics) {
            if (!addresses.contains(topic)) {
                errors.add(topic + ": topic of Topics.all() has no channel in docs/asyncapi.yaml");
            }
            if (!VALUE_CLASSES.containsKey(topic) && !topic.equals(Topics.DEAD_LETTERS)) {
                errors.add(topic + ": this test knows no value class for the topic; add it to VALUE_CLASSES");
            }
        }
        for (String address : addresses) {
            if (!topics.contains(address)) {
                errors.add(address + ": channel for a topic that Topics.all() does not create");
            }
        }
        report(errors);
    }

    @Test
    void channelsStateTheTopicSettingsOfTopics() {
        Map<String, TopicSpec> six = byName(Topics.all(6));
        Map<String, TopicSpec> seven = byName(Topics.all(7));
        List<String> errors = new ArrayList<>();
        channelsByAddress().forEach((topic, channel) -> {
            TopicSpec spec = six.get(topic);
            if (spec == null) {
                return; // reported by the test above
            }
            JsonNode kafka = channel.path("bindings").path("kafka");
            if (!topic.equals(kafka.path("topic").asText(null))) {
                errors.add(topic + ": bindings.kafka.topic is " + kafka.path("topic") + ", not the address");
            }
            boolean configurable = spec.partitions() != seven.get(topic).partitions();
            if (configurable) {
                // The count is a setting of the services; the document gives their default.
                if (!channel.has("x-partitions-setting")) {
                    errors.add(topic + ": its partition count is configurable; name the setting in x-partitions-setting");
                }
            } else if (kafka.path("partitions").asInt(-1) != spec.partitions()) {
                errors.add(topic + ": bindings.kafka.partitions is " + kafka.path("partitions") + ", Topics says "
                        + spec.partitions());
            }
            Map<String, String> documented = new TreeMap<>();
            kafka.path("topicConfiguration").properties().forEach(e -> documented.put(e.getKey(),
                    e.getValue().isArray() ? join(e.getValue(), ",") : e.getValue().asText()));
            Map<String, String> expected = new TreeMap<>(spec.configs());
            if (!documented.equals(expected)) {
                errors.add(topic + ": bindings.kafka.topicConfiguration is " + documented + ", Topics says " + expected);
            }
        });
        report(errors);
    }

    @Test
    void configurablePartitionCountsShowTheServicesDefault() throws IOException {
        List<String> errors = new ArrayList<>();
        for (var entry : channelsByAddress().entrySet()) {
            String setting = entry.getValue().path("x-partitions-setting").asText(null);
            if (setting == null) {
                continue;
            }
            int documented = entry.getValue().path("bindings").path("kafka").path("partitions").asInt(-1);
            for (String service : List.of("listener-service", "router-service")) {
                Properties properties = new Properties();
                try (Reader in = Files.newBufferedReader(
                        ROOT.resolve(service + "/src/main/resources/application.properties"))) {
                    properties.load(in);
                }
                String value = properties.getProperty(setting);
                if (value == null || !value.trim().equals(Integer.toString(documented))) {
                    errors.add(entry.getKey() + ": bindings.kafka.partitions is " + documented + " but " + service
                            + " sets " + setting + "=" + value);
                }
            }
        }
        report(errors);
    }

    // ---- payloads -----------------------------------------------------------------------------------------------

    @Test
    void payloadSchemasDescribeExactlyWhatTheEventClassesWrite() {
        List<String> errors = new ArrayList<>();
        channelsByAddress().forEach((topic, channel) -> {
            Class<?> type = VALUE_CLASSES.get(topic);
            if (type == null) {
                return;
            }
            JsonNode message = onlyMessage(topic, channel, errors);
            if (message == null) {
                return;
            }
            String contentType = message.path("contentType").asText(DOC.path("defaultContentType").asText());
            if (!contentType.equals("application/json")) {
                errors.add(topic + ": message contentType is " + contentType + ", the values are JSON");
            }
            int version = schemaVersionOf(type);
            String title = message.path("title").asText("");
            if (!title.endsWith("(schema version " + version + ")")) {
                errors.add(topic + ": message title '" + title + "' should end with (schema version " + version + ")");
            }
            JsonNode payload = resolve(message.path("payload"));
            if (!payload.path("properties").path("schemaVersion").path("const").isInt()) {
                errors.add(topic + ": payload has no schemaVersion with a const");
            }
            compare(topic + " " + type.getSimpleName(), JSON.constructType(type), message.path("payload"), errors, 0);
            if (!message.path("bindings").path("kafka").has("key")) {
                errors.add(topic + ": message has no bindings.kafka.key schema");
            }
        });
        report(errors);
    }

    @Test
    void armMessageRulesMatchArmMessage() {
        JsonNode schema = DOC.at("/components/schemas/ArmEvent");
        Map<String, JsonNode> rules = new LinkedHashMap<>();
        Set<String> wholeMrd = null;
        List<String> errors = new ArrayList<>();
        for (JsonNode rule : schema.path("allOf")) {
            JsonNode condition = rule.path("if").path("properties").path("message");
            if (rule.has("else")) {
                wholeMrd = condition.has("const") ? Set.of(condition.get("const").asText()) : texts(condition.path("enum"));
                continue;
            }
            String name = condition.path("const").asText(null);
            if (name == null || rules.put(name, rule.path("then").path("properties")) != null) {
                errors.add(Topics.AGENT_EVENTS + ": ArmEvent rule " + rule + " is not the one rule of one message");
            }
        }
        for (ArmMessage m : ArmMessage.values()) {
            JsonNode then = rules.remove(m.name());
            if (then == null) {
                errors.add(Topics.AGENT_EVENTS + ": ArmEvent has no rule for message " + m.name());
                continue;
            }
            if (then.path("messageType").path("const").asInt(-1) != m.type()) {
                errors.add(Topics.AGENT_EVENTS + ": rule of " + m + " gives messageType " + then.path("messageType")
                        + ", ArmMessage says " + m.type());
            }
            Set<String> required = m.requiredFields().stream().map(ArmField::jsonName).collect(Collectors.toSet());
            Set<String> documented = texts(then.path("fields").path("required"));
            if (!documented.equals(required)) {
                errors.add(Topics.AGENT_EVENTS + ": rule of " + m + " requires fields " + new TreeSet<>(documented)
                        + ", ArmMessage requires " + new TreeSet<>(required));
            }
        }
        rules.keySet().forEach(name -> errors.add(Topics.AGENT_EVENTS + ": rule for unknown message " + name));
        Set<String> expectedWholeMrd = Arrays.stream(ArmMessage.values()).filter(m -> !m.isPerAgent())
                .map(Enum::name).collect(Collectors.toSet());
        if (!expectedWholeMrd.equals(wholeMrd)) {
            errors.add(Topics.AGENT_EVENTS + ": the icmAgentId rule (if/then/else) names " + wholeMrd
                    + " as whole-MRD messages, ArmMessage says " + expectedWholeMrd);
        }
        report(errors);
    }

    @Test
    void deadLetterHeadersAreTheServicesHeaders() throws IllegalAccessException {
        Set<String> expected = new TreeSet<>();
        for (Field field : Topics.class.getFields()) {
            if (field.getName().startsWith("DLQ_") && field.getName().endsWith("_HEADER")) {
                expected.add((String) field.get(null));
            }
        }
        JsonNode channel = channelsByAddress().get(Topics.DEAD_LETTERS);
        assertThat(channel).as("channel of " + Topics.DEAD_LETTERS).isNotNull();
        List<String> errors = new ArrayList<>();
        JsonNode message = onlyMessage(Topics.DEAD_LETTERS, channel, errors);
        report(errors);
        JsonNode headers = resolve(message.path("headers"));
        assertThat(new TreeSet<>(fieldNames(headers.path("properties"))))
                .as(Topics.DEAD_LETTERS + ": documented headers vs Topics.DLQ_*_HEADER").isEqualTo(expected);
        assertThat(texts(headers.path("required"))).as(Topics.DEAD_LETTERS + ": required headers").isEqualTo(expected);
        assertThat(resolve(message.path("payload")).path("type").asText()).as(Topics.DEAD_LETTERS + ": payload")
                .isEqualTo("string");
    }

    // ---- validation ---------------------------------------------------------------------------------------------

    @Test
    void realEventsAndTheirKeysValidateAgainstTheSchemas() {
        List<String> errors = new ArrayList<>();
        channelsByAddress().forEach((topic, channel) -> {
            if (!VALUE_CLASSES.containsKey(topic)) {
                return;
            }
            JsonNode message = onlyMessage(topic, channel, errors);
            if (message == null) {
                return;
            }
            JsonSchema payload = strictSchema(message.path("payload"));
            JsonSchema key = strictSchema(message.path("bindings").path("kafka").path("key"));
            List<?> samples = samples(topic);
            if (samples.isEmpty()) {
                errors.add(topic + ": no sample events");
            }
            for (int i = 0; i < samples.size(); i++) {
                Object sample = samples.get(i);
                JsonNode value = JSON.valueToTree(sample);
                String what = topic + " sample " + label(sample, value, i);
                payload.validate(value).forEach(m -> errors.add(what + ": " + m.getMessage()));
                String keyText = keyOf(sample);
                key.validate(JsonNodeFactory.instance.textNode(keyText))
                        .forEach(m -> errors.add(topic + " key '" + keyText + "': " + m.getMessage()));
            }
        });
        report(errors);
    }

    @Test
    void documentExamplesValidateAndReadBackUnchanged() {
        List<String> errors = new ArrayList<>();
        channelsByAddress().forEach((topic, channel) -> {
            Class<?> type = VALUE_CLASSES.get(topic);
            JsonNode message = onlyMessage(topic, channel, errors);
            if (message == null) {
                return;
            }
            JsonSchema payload = strictSchema(message.path("payload"));
            for (JsonNode example : message.path("examples")) {
                String what = topic + " example " + example.path("name").asText("?");
                JsonNode value = example.path("payload");
                payload.validate(value).forEach(m -> errors.add(what + ": " + m.getMessage()));
                if (type != null) {
                    try {
                        // Through text, so that 2 read as an int and 2 written from a long compare equal.
                        JsonNode back = JSON.readTree(ContractJson.write(JSON.treeToValue(value, type)));
                        if (!back.equals(JSON.readTree(JSON.writeValueAsString(value)))) {
                            errors.add(what + ": " + type.getSimpleName() + " writes it back as " + back);
                        }
                    } catch (IOException | IllegalArgumentException e) {
                        errors.add(what + ": " + type.getSimpleName() + " cannot read it: " + e.getMessage());
                    }
                }
            }
        });
        report(errors);
    }

    @Test
    void everyReferenceResolvesAndOperationsUseTheirChannelsMessages() {
        List<String> errors = new ArrayList<>();
        walk(DOC, "", (path, node) -> {
            JsonNode ref = node.get("$ref");
            if (ref != null && (!ref.asText().startsWith("#/") || DOC.at(ref.asText().substring(1)).isMissingNode())) {
                errors.add(path + ": $ref " + ref.asText() + " does not resolve");
            }
        });
        DOC.path("operations").properties().forEach(op -> {
            String channel = op.getValue().path("channel").path("$ref").asText();
            String action = op.getValue().path("action").asText();
            if (!action.equals("send") && !action.equals("receive")) {
                errors.add("operation " + op.getKey() + ": action " + action);
            }
            for (JsonNode m : op.getValue().path("messages")) {
                if (!m.path("$ref").asText().startsWith(channel + "/messages/")) {
                    errors.add("operation " + op.getKey() + ": message " + m + " is not a message of " + channel);
                }
            }
        });
        report(errors);
    }

    // ---- the comparison of a Java type with a schema ------------------------------------------------------------

    /** Compares what Jackson writes for {@code type} with {@code schema}; adds one line per difference. */
    private static void compare(String path, JavaType type, JsonNode schemaOrRef, List<String> errors, int depth) {
        if (depth > 20) {
            errors.add(path + ": nested too deep (a cycle?)");
            return;
        }
        JsonNode schema = resolve(schemaOrRef);
        boolean nullable = false;
        for (String key : List.of("oneOf", "anyOf")) {
            JsonNode branches = schema.get(key);
            if (branches != null && branches.size() == 2) {
                List<JsonNode> notNull = new ArrayList<>();
                branches.forEach(b -> {
                    if (!types(resolve(b)).equals(Set.of("null"))) {
                        notNull.add(b);
                    }
                });
                if (notNull.size() == 1) {
                    nullable = true;
                    schema = resolve(notNull.get(0));
                }
            }
        }
        Set<String> types = types(schema);
        nullable |= types.contains("null");
        Class<?> raw = type.getRawClass();
        if (type.isPrimitive() && nullable) {
            errors.add(path + ": Java " + raw + " is never null, the schema allows null");
        }
        if (JsonNode.class.isAssignableFrom(raw)) {
            return; // any JSON
        }
        if (isPolymorphic(raw)) {
            comparePolymorphic(path, raw, schema, errors, depth);
            return;
        }
        String expected = jsonType(type);
        Set<String> withoutNull = new TreeSet<>(types);
        withoutNull.remove("null");
        if (!withoutNull.equals(Set.of(expected))) {
            errors.add(path + ": type is " + (types.isEmpty() ? "missing" : types) + ", Java " + type.toCanonical()
                    + " is written as " + expected);
            return;
        }
        String format = schema.path("format").asText(null);
        if (raw == long.class || raw == Long.class) {
            expectFormat(path, format, "int64", errors);
        } else if (raw == int.class || raw == Integer.class) {
            if (format != null && !format.equals("int32")) {
                errors.add(path + ": format " + format + " for a Java int");
            }
        } else if (raw == UUID.class) {
            expectFormat(path, format, "uuid", errors);
        } else if (raw == Instant.class || raw == OffsetDateTime.class) {
            expectFormat(path, format, "date-time", errors);
        } else if (raw == LocalDate.class) {
            expectFormat(path, format, "date", errors);
        }
        if (type.isEnumType()) {
            List<String> constants = Arrays.stream(raw.getEnumConstants())
                    .map(c -> JSON.valueToTree(c).asText()).toList();
            List<String> documented = new ArrayList<>();
            schema.path("enum").forEach(v -> documented.add(v.asText()));
            if (!documented.equals(constants)) {
                errors.add(path + ": enum is " + documented + ", Java " + raw.getSimpleName() + " has " + constants
                        + differences(documented, constants));
            }
        } else if (type.isContainerType() && (type.isCollectionLikeType() || type.isArrayType())) {
            if (Set.class.isAssignableFrom(raw) && !schema.path("uniqueItems").asBoolean(false)) {
                errors.add(path + ": Java " + raw.getSimpleName() + " has unique items; say uniqueItems: true");
            }
            compare(path + "[]", type.getContentType(), schema.path("items"), errors, depth + 1);
        } else if (type.isMapLikeType()) {
            if (schema.has("properties")) {
                errors.add(path + ": a Java map; its keys are data, not properties");
            }
            compare(path + "{}", type.getContentType(), schema.path("additionalProperties"), errors, depth + 1);
        } else if (expected.equals("object")) {
            compareBean(path, type, schema, null, errors, depth);
        }
    }

    private static void compareBean(String path, JavaType type, JsonNode schema, Map.Entry<String, String> typeId,
            List<String> errors, int depth) {
        Map<String, BeanPropertyWriter> written = writtenProperties(type);
        JsonNode properties = schema.path("properties");
        Set<String> documented = new LinkedHashSet<>(fieldNames(properties));
        Set<String> required = texts(schema.path("required"));
        Set<String> expectedRequired = new TreeSet<>();
        if (typeId != null) {
            expectedRequired.add(typeId.getKey());
            String constant = properties.path(typeId.getKey()).path("const").asText(null);
            if (!typeId.getValue().equals(constant)) {
                errors.add(path + "." + typeId.getKey() + ": const is " + constant + ", Jackson writes "
                        + typeId.getValue());
            }
            documented.remove(typeId.getKey());
        }
        for (var property : written.entrySet()) {
            String name = property.getKey();
            if (!property.getValue().willSuppressNulls()) {
                expectedRequired.add(name);
            }
            if (!documented.remove(name)) {
                errors.add(path + "." + name + ": written by Java (" + property.getValue().getType().toCanonical()
                        + ") but not a property of the schema");
                continue;
            }
            compare(path + "." + name, property.getValue().getType(), properties.get(name), errors, depth + 1);
        }
        documented.forEach(name -> errors.add(path + "." + name + ": in the schema but Java "
                + type.getRawClass().getSimpleName() + " does not write it"));
        if (!required.equals(expectedRequired)) {
            errors.add(path + ": required is " + new TreeSet<>(required) + ", but Jackson always writes "
                    + expectedRequired + " (and leaves out the others when null)");
        }
        try {
            Field version = type.getRawClass().getField("SCHEMA_VERSION");
            if (Modifier.isStatic(version.getModifiers())) {
                int expected = version.getInt(null);
                JsonNode constant = properties.path("schemaVersion").path("const");
                if (!constant.isInt() || constant.asInt() != expected) {
                    errors.add(path + ".schemaVersion: const is " + constant + ", " + type.getRawClass().getSimpleName()
                            + ".SCHEMA_VERSION is " + expected);
                }
            }
        } catch (NoSuchFieldException | IllegalAccessException noVersion) {
            // nested records carry no version of their own
        }
    }

    /** A sealed interface with @JsonTypeInfo: the schema is a oneOf with one branch per subtype, told by its type id. */
    private static void comparePolymorphic(String path, Class<?> base, JsonNode schema, List<String> errors, int depth) {
        JsonTypeInfo info = base.getAnnotation(JsonTypeInfo.class);
        JsonSubTypes subtypes = base.getAnnotation(JsonSubTypes.class);
        JsonNode branches = schema.path("oneOf");
        if (subtypes == null || branches.size() != subtypes.value().length) {
            errors.add(path + ": oneOf has " + branches.size() + " branches, " + base.getSimpleName() + " has "
                    + (subtypes == null ? 0 : subtypes.value().length) + " subtypes");
        }
        if (subtypes == null) {
            return;
        }
        for (JsonSubTypes.Type subtype : subtypes.value()) {
            JsonNode branch = null;
            for (JsonNode candidate : branches) {
                if (subtype.name().equals(resolve(candidate).path("properties").path(info.property()).path("const")
                        .asText(null))) {
                    branch = resolve(candidate);
                }
            }
            String where = path + "(" + subtype.name() + ")";
            if (branch == null) {
                errors.add(where + ": no oneOf branch whose " + info.property() + " is const " + subtype.name());
                continue;
            }
            if (!types(branch).equals(Set.of("object"))) {
                errors.add(where + ": type is " + types(branch) + ", Java writes an object");
            }
            compareBean(where, JSON.constructType(subtype.value()), branch, Map.entry(info.property(), subtype.name()),
                    errors, depth + 1);
        }
    }

    private static Map<String, BeanPropertyWriter> writtenProperties(JavaType type) {
        try {
            JsonSerializer<Object> serializer = JSON.getSerializerProviderInstance().findValueSerializer(type);
            Map<String, BeanPropertyWriter> written = new LinkedHashMap<>();
            for (Iterator<PropertyWriter> it = serializer.properties(); it.hasNext(); ) {
                PropertyWriter writer = it.next();
                written.put(writer.getName(), (BeanPropertyWriter) writer);
            }
            return written;
        } catch (JsonMappingException e) {
            throw new IllegalStateException("Jackson cannot write " + type, e);
        }
    }

    private static boolean isPolymorphic(Class<?> raw) {
        return (raw.isInterface() || Modifier.isAbstract(raw.getModifiers())) && raw.isAnnotationPresent(JsonTypeInfo.class);
    }

    private static String jsonType(JavaType type) {
        Class<?> raw = type.getRawClass();
        if (raw == int.class || raw == long.class || raw == short.class || raw == byte.class || raw == Integer.class
                || raw == Long.class || raw == Short.class || raw == Byte.class) {
            return "integer";
        }
        if (raw == double.class || raw == float.class || Number.class.isAssignableFrom(raw)) {
            return "number";
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return "boolean";
        }
        if (raw == String.class || raw == UUID.class || raw == Instant.class || raw == OffsetDateTime.class
                || raw == LocalDate.class || type.isEnumType()) {
            return "string";
        }
        if (type.isArrayType() || type.isCollectionLikeType()) {
            return "array";
        }
        return "object";
    }

    private static void expectFormat(String path, String format, String expected, List<String> errors) {
        if (!expected.equals(format)) {
            errors.add(path + ": format is " + format + ", expected " + expected);
        }
    }

    private static String differences(List<String> documented, List<String> constants) {
        List<String> missing = constants.stream().filter(c -> !documented.contains(c)).toList();
        List<String> extra = documented.stream().filter(d -> !constants.contains(d)).toList();
        return (missing.isEmpty() ? "" : "; missing " + missing) + (extra.isEmpty() ? "" : "; not in Java " + extra)
                + (missing.isEmpty() && extra.isEmpty() ? "; order differs" : "");
    }

    // ---- sample events, as the services make them ---------------------------------------------------------------

    private static List<?> samples(String topic) {
        return switch (topic) {
            case Topics.AGENT_EVENTS -> armEvents();
            case Topics.CONFIG -> List.of(
                    ConfigEvent.upsert(new MrdConfig(5000, "ECE_Chat", true), T),
                    ConfigEvent.upsert(new SkillGroupConfig(6928, "TEST_Chat", 5000, 70518, false), T),
                    ConfigEvent.upsert(new AgentConfig(6420, "CUCM.Agent_test", 15003, List.of(6274, 6928)), T),
                    ConfigEvent.upsert(new ApplicationPathConfig(5001, "ECE", List.of(1, 5000)), T),
                    ConfigEvent.delete(ConfigKind.AGENT, 6420, T));
            case Topics.CHAT_EVENTS -> List.of(
                    ChatEvent.started(1001, CHAT, 5000, List.of(6928), T),
                    ChatEvent.step(ChatEventType.ASSIGNED, 1001, CHAT, 5000, 6420, ChatEvent.taskIdFor(CHAT), null, T),
                    ChatEvent.step(ChatEventType.OFFERED, 1001, CHAT, 5000, 6420, ChatEvent.taskIdFor(CHAT), null, T),
                    ChatEvent.step(ChatEventType.ASSIGNMENT_FAILED, 1001, CHAT, 5000, 6420, ChatEvent.taskIdFor(CHAT),
                            "agent not ready", T),
                    ChatEvent.step(ChatEventType.ABANDONED, 1001, CHAT, 5000, 0, null, "customer left", T),
                    ChatEvent.step(ChatEventType.TIMED_OUT, 1001, CHAT, 5000, 0, null, "waited 600 s", T));
            case Topics.ENTRY_POINTS -> List.of(
                    EntryPointEvent.saved(1001, new EntryPointSettings("Support chat", 5000, List.of(6928, 6929), true,
                            20, AvailabilityScope.MRD, 600,
                            new BusinessHoursSettings("Europe/Paris",
                                    Map.of("MONDAY", List.of("09:00-12:30", "13:30-18:00"), "SATURDAY",
                                            List.of("10:00-24:00")),
                                    List.of("2025-12-25")),
                            "We are closed", List.of("https://www.example.com"),
                            JSON.createObjectNode().put("greeting", "Hello")), T),
                    EntryPointEvent.saved(1002, new EntryPointSettings("Sales", 5000, List.of(6930), false, 0, null, 0,
                            null, null, null, null), T),
                    EntryPointEvent.deleted(1002, T));
            case Topics.PROJECTION_SNAPSHOTS -> List.of(
                    new PartitionSnapshot(PartitionSnapshot.SCHEMA_VERSION, Topics.AGENT_EVENTS, 2, 18342, T, 3,
                            Set.of(5000), List.of(agent()), T.plusSeconds(60)),
                    new PartitionSnapshot(PartitionSnapshot.SCHEMA_VERSION, Topics.AGENT_EVENTS, 0, 0, null, 0, null,
                            null, T));
            case Topics.SKILL_GROUP_AVAILABILITY -> List.of(
                    new SkillGroupAvailability(SkillGroupAvailability.SCHEMA_VERSION, 6928, 5000, 2,
                            new AvailabilityCounts(3, 3, 3, 2, 1, 0, 2, 6, 1), 18342, T),
                    new SkillGroupAvailability(SkillGroupAvailability.SCHEMA_VERSION, 6274, 0, 0,
                            AvailabilityCounts.ZERO, 0, null));
            case Topics.MRD_AVAILABILITY -> List.of(
                    new MrdAvailability(MrdAvailability.SCHEMA_VERSION, 5000, 1, new AvailabilityCounts(4, 3, 3, 1, 2,
                            1, 5, 8, 2), 777, T),
                    new MrdAvailability(MrdAvailability.SCHEMA_VERSION, 1, 0, AvailabilityCounts.ZERO, 0, null));
            case Topics.AGENT_STATES -> List.of(
                    new AgentAvailability(AgentAvailability.SCHEMA_VERSION, 6420, "Ada Agent", 2, List.of(
                            new AgentAvailability.Mrd(5000, IcmAgentState.NOT_READY, T, true, true, false, 5, false, 1,
                                    2, List.of(5002, 6928), "NOT_AVAILABLE", false, List.of("NOT_READY")),
                            new AgentAvailability.Mrd(5001, IcmAgentState.AVAILABLE, T, true, true, true, 0, false, 0, 1,
                                    List.of(), "ICM_AVAILABLE", true, List.of())), 18342, T),
                    new AgentAvailability(AgentAvailability.SCHEMA_VERSION, 5033, null, 0, List.of(), 0, null));
            default -> List.of();
        };
    }

    /** Each message with the fields it requires, and one carrying every field. */
    private static List<ArmEvent> armEvents() {
        List<ArmEvent> events = new ArrayList<>();
        for (ArmMessage m : ArmMessage.values()) {
            events.add(ArmEvent.of(m, T, 80171, 5000, m.isPerAgent() ? 6420 : 0, fieldsOnly(m.requiredFields()),
                    "listener-service"));
        }
        events.add(ArmEvent.of(ArmMessage.MEDIA_LOGIN_REQ, T, 1, 5000, 6420, fieldsOnly(Set.of(ArmField.values())),
                "import-log"));
        return events;
    }

    /** ArmFields with the given fields set and the others null, whatever order the record declares them in. */
    private static ArmFields fieldsOnly(Set<ArmField> fields) {
        Set<String> names = fields.stream().map(ArmField::jsonName).collect(Collectors.toSet());
        RecordComponent[] components = ArmFields.class.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            if (names.contains(components[i].getName())) {
                values[i] = sampleValue(components[i].getType());
            }
        }
        try {
            return ArmFields.class.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object sampleValue(Class<?> type) {
        Map<Class<?>, Object> values = Map.of(Integer.class, 1, Long.class, 2L, Boolean.class, true, String.class,
                "ece-user-17", TaskId.class, new TaskId(0, 16777300, 1));
        Object value = values.get(type);
        if (value == null) {
            throw new IllegalStateException("no sample value for an ArmFields field of " + type);
        }
        return value;
    }

    private static AgentState agent() {
        TreeMap<Integer, AgentMrdState> mrds = new TreeMap<>();
        mrds.put(1, new AgentMrdState(1, true, true, false, 12, 1, List.of(), false, IcmAgentState.NOT_READY, T));
        mrds.put(5000, new AgentMrdState(5000, true, true, true, 0, 4, List.of(
                new TaskEntry(new TaskId(0, 100, 1), TaskStatus.OFFERED, T),
                new TaskEntry(new TaskId(0, 101, 1), TaskStatus.ACTIVE, T),
                new TaskEntry(new TaskId(0, 102, 1), TaskStatus.PAUSED, T),
                new TaskEntry(new TaskId(0, 103, 1), TaskStatus.WRAPUP, T)), false, IcmAgentState.ACTIVE, T));
        return new AgentState(6420, mrds);
    }

    /** {@code ChatEvent #2 (ASSIGNED)}: the class, the sample's index, and what kind of event it is. */
    private static String label(Object sample, JsonNode value, int index) {
        String kind = List.of("message", "type", "op").stream().filter(value::hasNonNull)
                .map(f -> " (" + value.get(f).asText() + ")").findFirst().orElse("");
        return sample.getClass().getSimpleName() + " #" + index + kind;
    }

    private static String keyOf(Object event) {
        try {
            return (String) event.getClass().getMethod("key").invoke(event);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(event.getClass().getSimpleName() + " has no key()", e);
        }
    }

    // ---- the document -------------------------------------------------------------------------------------------

    private static Map<String, JsonNode> channels() {
        Map<String, JsonNode> channels = new LinkedHashMap<>();
        DOC.path("channels").properties().forEach(e -> channels.put(e.getKey(), resolve(e.getValue())));
        return channels;
    }

    private static Map<String, JsonNode> channelsByAddress() {
        Map<String, JsonNode> byAddress = new LinkedHashMap<>();
        channels().values().forEach(c -> byAddress.put(c.path("address").asText(), c));
        return byAddress;
    }

    private static JsonNode onlyMessage(String topic, JsonNode channel, List<String> errors) {
        JsonNode messages = channel.path("messages");
        if (messages.size() != 1) {
            errors.add(topic + ": the channel has " + messages.size() + " messages; every topic carries one kind");
            return messages.size() == 0 ? null : resolve(messages.elements().next());
        }
        return resolve(messages.elements().next());
    }

    private static JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int i = 0; i < 10 && current.has("$ref"); i++) {
            String ref = current.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                throw new IllegalStateException("only local references are used here: " + ref);
            }
            current = DOC.at(ref.substring(1));
        }
        return current;
    }

    /**
     * A validator of the schema as the document gives it, made strict for these tests: objects with listed
     * properties admit no others (readers tolerate unknown properties, the writers must not produce them).
     */
    private static JsonSchema strictSchema(JsonNode schema) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode definitions = (ObjectNode) strict(DOC.path("components").path("schemas").deepCopy());
        root.set("definitions", definitions);
        root.set("allOf", JSON.createArrayNode().add(strict(schema.deepCopy())));
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(root, config);
    }

    private static JsonNode strict(JsonNode node) {
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.asText().startsWith("#/components/schemas/")) {
                object.put("$ref", "#/definitions/" + ref.asText().substring("#/components/schemas/".length()));
            }
            if (types(object).contains("object") && object.has("properties") && !object.has("additionalProperties")) {
                object.put("additionalProperties", false);
            }
            object.properties().forEach(e -> strict(e.getValue()));
        } else if (node instanceof ArrayNode array) {
            array.forEach(AsyncApiDocumentTest::strict);
        }
        return node;
    }

    private static void walk(JsonNode node, String path, java.util.function.BiConsumer<String, JsonNode> visitor) {
        if (node.isObject()) {
            visitor.accept(path, node);
            node.properties().forEach(e -> walk(e.getValue(), path + "/" + e.getKey(), visitor));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "/" + i, visitor);
            }
        }
    }

    private static Set<String> types(JsonNode schema) {
        JsonNode type = schema.get("type");
        if (type == null) {
            return Set.of();
        }
        return type.isArray() ? texts(type) : Set.of(type.asText());
    }

    private static Set<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.properties().forEach(e -> names.add(e.getKey()));
        return names;
    }

    private static String join(JsonNode array, String separator) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText)
                .collect(Collectors.joining(separator));
    }

    private static int schemaVersionOf(Class<?> type) {
        try {
            return type.getField("SCHEMA_VERSION").getInt(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(type.getSimpleName() + " has no SCHEMA_VERSION", e);
        }
    }

    private static Map<String, TopicSpec> byName(Collection<TopicSpec> specs) {
        return specs.stream().collect(Collectors.toMap(TopicSpec::name, Function.identity()));
    }

    private static void report(List<String> errors) {
        if (!errors.isEmpty()) {
            fail("docs/asyncapi.yaml does not match the code:\n  " + String.join("\n  ", errors));
        }
    }

    private static Path projectRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("docs/asyncapi.yaml"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("docs/asyncapi.yaml not found above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    private static JsonNode readYaml(Path file) {
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }
}
