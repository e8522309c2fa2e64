package dev.agentavailability.testsupport;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentavailability.contract.access.Roles;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntPredicate;
import java.util.regex.Pattern;

/**
 * Who may call what, as a table: each row is one endpoint and the roles it admits; {@link #check()} calls every
 * row as an anonymous caller and as each {@link TestUsers} user, in row order, and collects every answer that
 * breaks the table: anonymous → 401 (unless public), a role outside the row → 403, a role inside → the row's
 * expected answer (2xx unless said otherwise).
 */
public final class AccessTable {

    /**
     * One endpoint.
     *
     * @param agentOwn  the path names agent {@link TestUsers#AGENT_6420}'s id, so that agent may call it and
     *                  {@link TestUsers#AGENT_5033} may not
     * @param admitted  what an admitted caller's status must be
     * @param expected  what {@code admitted} stands for, for messages
     */
    public record Row(String method, String path, String contentType, String body, Set<String> roles,
            boolean isPublic, boolean agentOwn, IntPredicate admitted, String expected, boolean isStream) {

        public Row body(String type, String text) {
            return new Row(method, path, type, text, roles, isPublic, agentOwn, admitted, expected, isStream);
        }

        /** Admitted callers reach the endpoint, whose answer may be a refusal of the request itself (404, 409). */
        public Row reachesEndpoint() {
            return new Row(method, path, contentType, body, roles, isPublic, agentOwn,
                    status -> status != 401 && status != 403 && status != 405 && status < 500,
                    "an answer of the endpoint itself", isStream);
        }

        /** A stream that does not end (server-sent events): only its status is read, then the call is dropped. */
        public Row streaming() {
            return new Row(method, path, contentType, body, roles, isPublic, agentOwn, admitted, expected, true);
        }

        String describe() {
            return method + " " + path;
        }
    }

    private final List<Row> rows = new ArrayList<>();

    public static Row call(String method, String path, String... roles) {
        return new Row(method, path, null, null, new LinkedHashSet<>(Arrays.asList(roles)), false,
                path.contains("/" + TestUsers.AGENT_6420.icmAgentId() + "/")
                        || path.endsWith("/" + TestUsers.AGENT_6420.icmAgentId()),
                status -> status / 100 == 2, "2xx", false);
    }

    /** Open to anyone, logged in or not. */
    public static Row publicCall(String method, String path) {
        return new Row(method, path, null, null, Set.of(), true, false, status -> status / 100 == 2, "2xx", false);
    }

    public AccessTable add(Row row) {
        rows.add(row);
        return this;
    }

    /** The rows' endpoints, as {@code METHOD path}. */
    public List<Row> rows() {
        return List.copyOf(rows);
    }

    /** Every answer that breaks the table; empty when the service keeps it. */
    public List<String> check() {
        List<String> faults = new ArrayList<>();
        for (Row row : rows) {
            expect(faults, row, "anonymous", send(null, row), row.isPublic() ? row.admitted() : s -> s == 401,
                    row.isPublic() ? row.expected() : "401");
            for (TestUsers user : TestUsers.all()) {
                boolean admitted = row.isPublic() || row.roles().contains(user.role())
                        && (!row.agentOwn() || !user.role().equals(Roles.AGENT) || user == TestUsers.AGENT_6420);
                int status = send(user, row);
                expect(faults, row, user.user() + " (" + user.role() + ")", status,
                        admitted ? row.admitted() : s -> s == 403, admitted ? row.expected() : "403");
            }
        }
        return faults;
    }

    /**
     * Where the service's OpenAPI document (JSON) and this table disagree, one line each; empty when they agree:
     * an operation no row calls (the table must name every endpoint, so a new one cannot go untested), a document
     * without security schemes, and a non-public operation whose security requirement does not name exactly its
     * rows' roles (what a client reads there must be what the service enforces). Preflight (OPTIONS) calls are
     * left out.
     */
    public List<String> apiDocumentFaults(String openApiJson) {
        List<String> faults = new ArrayList<>();
        JsonNode document = document(openApiJson);
        if (document.path("components").path("securitySchemes").isEmpty()) {
            faults.add("components.securitySchemes is empty");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = document.path("paths").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> path = it.next();
            Pattern template = template(path.getKey());
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext();) {
                Map.Entry<String, JsonNode> op = ops.next();
                String method = op.getKey().toUpperCase(Locale.ROOT);
                if (method.equals("OPTIONS") || method.equals("PARAMETERS")) {
                    continue;
                }
                String operation = method + " " + path.getKey();
                List<Row> called = rows.stream()
                        .filter(row -> row.method().equals(method) && template.matcher(row.path()).matches()).toList();
                if (called.isEmpty()) {
                    faults.add(operation + ": no row of the table calls it");
                } else if (called.stream().noneMatch(Row::isPublic)) {
                    Set<String> roles = called.get(0).roles();
                    Set<String> declared = declaredRoles(op.getValue().path("security"));
                    if (!declared.equals(roles)) {
                        faults.add(operation + ": the document declares roles " + declared + ", the table says "
                                + roles);
                    }
                }
            }
        }
        return faults;
    }

    /** The roles (scopes) of an operation's security requirements. */
    private static Set<String> declaredRoles(JsonNode requirements) {
        Set<String> roles = new TreeSet<>();
        for (JsonNode requirement : requirements) {
            requirement.fields().forEachRemaining(scheme -> scheme.getValue().forEach(role -> roles.add(role.asText())));
        }
        return roles;
    }

    private static JsonNode document(String openApiJson) {
        try {
            return new ObjectMapper().readTree(openApiJson);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("not an OpenAPI JSON document", e);
        }
    }

    /** An OpenAPI path template ({@code /agents/{id}}) as a pattern for the rows' concrete paths and queries. */
    private static Pattern template(String path) {
        return Pattern.compile(path.replaceAll("\\{[^}]+}", "[^/]+").replace(".", "\\.") + "(\\?.*)?");
    }

    private static void expect(List<String> faults, Row row, String caller, int status, IntPredicate ok,
            String expected) {
        if (!ok.test(status)) {
            faults.add(row.describe() + " as " + caller + ": " + status + ", expected " + expected);
        }
    }

    private static int send(TestUsers user, Row row) {
        if (row.isStream()) {
            return statusOfStream(user, row);
        }
        RequestSpecification request = user == null ? given()
                : given().auth().preemptive().basic(user.user(), user.password());
        if (row.body() != null) {
            request = request.contentType(row.contentType()).body(row.body().getBytes(StandardCharsets.UTF_8));
        }
        Response response = request.request(row.method(), row.path());
        return response.statusCode();
    }

    private static int statusOfStream(TestUsers user, Row row) {
        try {
            java.net.HttpURLConnection connection = (java.net.HttpURLConnection) java.net.URI.create(
                    RestAssured.baseURI + ":" + RestAssured.port + row.path()).toURL().openConnection();
            connection.setRequestMethod(row.method());
            connection.setConnectTimeout(10_000);
            connection.setReadTimeout(10_000);
            if (user != null) {
                connection.setRequestProperty("Authorization", user.basicAuthorization());
            }
            try {
                return connection.getResponseCode();
            } finally {
                connection.disconnect();
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("calling " + row.describe(), e);
        }
    }
}
