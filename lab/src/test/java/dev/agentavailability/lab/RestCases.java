package dev.agentavailability.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentavailability.contract.ContractJson;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Requests made from a service's OpenAPI document for {@link RestFuzzTest}: for each operation, a body shaped after
 * its schema and then spoilt (malformed JSON, duplicate keys, deep nesting, huge numbers, wrong types, JSON null,
 * random bytes, now and then 10 MB), odd content types and path parameters (unknown ids, negative, huge, text). The
 * same seed gives the same cases.
 */
final class RestCases {

    /** One operation of a service's API document. */
    record Operation(String baseUrl, String method, String path, List<String> contentTypes, JsonNode bodySchema) {
        boolean changesState() {
            return !method.equals("GET");
        }
    }

    /** One request: its operation, the path with its parameters filled in, the body and its content type. */
    record Case(int number, Operation operation, String path, String contentType, byte[] body, String kind) {
        @Override
        public String toString() {
            String shown = body == null ? "no body" : body.length > 200 ? body.length + " bytes"
                    : new String(body, StandardCharsets.UTF_8);
            return "#" + number + " " + operation.method() + " " + path + " [" + kind + ", " + contentType + "] "
                    + shown;
        }
    }

    private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** Ids the lab knows (agents, MRDs, skill groups, entry points, the application path), so cases reach deep. */
    private static final String[] KNOWN_IDS = {"6420", "5033", "5000", "6928", "6909", "1001", "1002", "5001", "1"};
    private static final String[] ODD_IDS = {"0", "-1", "2147483648", "99999999999999999999", "abc", "%00", "..",
            "6420%20", "1e3", "x".repeat(300)};
    private static final String[] ODD_CONTENT_TYPES = {"text/plain", "application/xml", "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x", "garbage", "application/json; charset=ebcdic", "*/*", ""};

    private final List<Operation> operations;
    private final Map<String, JsonNode> schemas;
    private final Random random;

    RestCases(List<Operation> operations, Map<String, JsonNode> schemas, long seed) {
        this.operations = operations;
        this.schemas = schemas;
        this.random = new Random(seed);
    }

    /** The operations of one API document, with their base URL. */
    static List<Operation> operations(String baseUrl, JsonNode document) {
        List<Operation> operations = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            String method = op.getKey().toUpperCase(java.util.Locale.ROOT);
            if (!List.of("GET", "POST", "PUT", "DELETE").contains(method)) {
                return;
            }
            List<String> types = new ArrayList<>();
            JsonNode schema = null;
            Iterator<Map.Entry<String, JsonNode>> content = op.getValue().path("requestBody").path("content").fields();
            while (content.hasNext()) {
                Map.Entry<String, JsonNode> type = content.next();
                types.add(type.getKey());
                if (schema == null) {
                    schema = type.getValue().path("schema");
                }
            }
            operations.add(new Operation(baseUrl, method, path.getKey(), types, schema));
        }));
        return operations;
    }

    static void collectSchemas(JsonNode document, Map<String, JsonNode> into) {
        document.path("components").path("schemas").fields()
                .forEachRemaining(schema -> into.put(schema.getKey(), schema.getValue()));
    }

    Case next(int number) {
        Operation operation = operations.get(random.nextInt(operations.size()));
        String path = fillPath(operation.path());
        String declared = operation.contentTypes().isEmpty() ? "application/json"
                : operation.contentTypes().get(random.nextInt(operation.contentTypes().size()));
        String contentType = random.nextInt(10) < 8 ? declared : ODD_CONTENT_TYPES[random.nextInt(ODD_CONTENT_TYPES.length)];
        if (operation.method().equals("GET") || operation.method().equals("DELETE")) {
            return new Case(number, operation, path, random.nextInt(4) == 0 ? contentType : null,
                    random.nextInt(4) == 0 ? bytes(randomText(20)) : null, "no body expected");
        }
        int kind = random.nextInt(1000);
        if (kind == 0) {
            byte[] tenMegabytes = new byte[10 * 1024 * 1024];
            java.util.Arrays.fill(tenMegabytes, (byte) ' ');
            tenMegabytes[0] = '{';
            return new Case(number, operation, path, contentType, tenMegabytes, "10 MB");
        }
        JsonNode shaped = value(operation.bodySchema(), 0);
        String json = ContractJson.write(shaped);
        return switch (kind % 10) {
            case 0, 1 -> new Case(number, operation, path, contentType, bytes(json), "shaped");
            case 2 -> new Case(number, operation, path, contentType, bytes(mutate(json)), "malformed JSON");
            case 3 -> new Case(number, operation, path, contentType, bytes(duplicateKey(json)), "duplicate key");
            case 4 -> new Case(number, operation, path, contentType, bytes(nested(random.nextInt(20_000) + 100)),
                    "deep nesting");
            case 5 -> new Case(number, operation, path, contentType, bytes(json.replaceAll(":\\s*-?\\d+",
                    ":" + hugeNumber())), "huge numbers");
            case 6 -> new Case(number, operation, path, contentType, bytes(ContractJson.write(wrongTypes(shaped))),
                    "wrong types");
            case 7 -> new Case(number, operation, path, contentType,
                    bytes(List.of("null", "", "[]", "\"text\"", "0", "true").get(random.nextInt(6))), "not an object");
            case 8 -> {
                byte[] noise = new byte[random.nextInt(300)];
                random.nextBytes(noise);
                yield new Case(number, operation, path, contentType, noise, "random bytes");
            }
            default -> new Case(number, operation, path, contentType, bytes(json.replace("\"", "\"\\u0000")),
                    "control characters");
        };
    }

    private String fillPath(String template) {
        Matcher matcher = PARAMETER.matcher(template);
        StringBuilder path = new StringBuilder();
        while (matcher.find()) {
            String value = random.nextInt(3) > 0 ? KNOWN_IDS[random.nextInt(KNOWN_IDS.length)]
                    : ODD_IDS[random.nextInt(ODD_IDS.length)];
            matcher.appendReplacement(path, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(path);
        return path.toString();
    }

    /** A value shaped after the schema: the right fields with plausible, sometimes wrong, values. */
    private JsonNode value(JsonNode schema, int depth) {
        if (schema == null || schema.isMissingNode() || depth > 6) {
            return JSON.objectNode();
        }
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asText().replaceFirst(".*/", "");
            return value(schemas.get(name), depth + 1);
        }
        for (String combined : new String[] {"allOf", "oneOf", "anyOf"}) {
            if (schema.has(combined) && schema.get(combined).size() > 0) {
                return value(schema.get(combined).get(random.nextInt(schema.get(combined).size())), depth + 1);
            }
        }
        if (schema.has("enum") && schema.get("enum").size() > 0) {
            return schema.get("enum").get(random.nextInt(schema.get("enum").size()));
        }
        String type = schema.path("type").asText("object");
        switch (type) {
            case "integer":
                return JSON.numberNode(random.nextInt(5) == 0 ? random.nextInt() : Integer.parseInt(
                        KNOWN_IDS[random.nextInt(KNOWN_IDS.length)]));
            case "number":
                return JSON.numberNode(random.nextDouble() * 100);
            case "boolean":
                return JSON.booleanNode(random.nextBoolean());
            case "string":
                return JSON.textNode(schema.path("format").asText().equals("date-time") ? "2026-12-03T10:00:00Z"
                        : randomText(12));
            case "array": {
                ArrayNode array = JSON.arrayNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    array.add(value(schema.path("items"), depth + 1));
                }
                return array;
            }
            default: {
                ObjectNode object = JSON.objectNode();
                schema.path("properties").fields().forEachRemaining(property -> {
                    if (random.nextInt(6) > 0) {
                        object.set(property.getKey(), value(property.getValue(), depth + 1));
                    }
                });
                return object;
            }
        }
    }

    private JsonNode wrongTypes(JsonNode shaped) {
        if (!shaped.isObject()) {
            return JSON.textNode("not " + shaped.getNodeType());
        }
        ObjectNode wrong = JSON.objectNode();
        shaped.fields().forEachRemaining(field -> wrong.set(field.getKey(), field.getValue().isNumber()
                ? JSON.textNode("seven") : field.getValue().isTextual() ? JSON.numberNode(7)
                : field.getValue().isBoolean() ? JSON.textNode("yes") : JSON.numberNode(-1)));
        return wrong;
    }

    private String mutate(String json) {
        StringBuilder text = new StringBuilder(json);
        for (int i = random.nextInt(4) + 1; i > 0 && text.length() > 0; i--) {
            int at = random.nextInt(text.length());
            switch (random.nextInt(3)) {
                case 0 -> text.deleteCharAt(at);
                case 1 -> text.insert(at, "{}[],:\"\\".charAt(random.nextInt(8)));
                default -> text.setLength(at);
            }
        }
        return text.toString();
    }

    private String duplicateKey(String json) {
        Matcher first = Pattern.compile("\\{\"([^\"]+)\":").matcher(json);
        return first.find() ? json.replaceFirst("\\{", "{\"" + first.group(1) + "\":1,") : "{\"a\":1,\"a\":2}";
    }

    private String nested(int depth) {
        return "[".repeat(depth) + "]".repeat(random.nextBoolean() ? depth : 0);
    }

    private String hugeNumber() {
        return List.of("1e999999", "99999999999999999999999999", "-9223372036854775809", "1.7976931348623157e309",
                "0." + "0".repeat(5000) + "1").get(random.nextInt(5));
    }

    private String randomText(int max) {
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(max) + 1; i > 0; i--) {
            text.append((char) (random.nextInt(4) == 0 ? random.nextInt(0x3000) : 'a' + random.nextInt(26)));
        }
        return text.toString();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
