package dev.agentavailability.entrypoint.message;

import static dev.agentavailability.entrypoint.Fixtures.putEntryPoint;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;

import dev.agentavailability.contract.access.Roles;
import dev.agentavailability.entrypoint.PreexistingMrdTopicResource;
import dev.agentavailability.testsupport.KafkaAndPostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The chat page's leave-a-message: stored in PostgreSQL, refused with a problem when invalid, listed for the board. */
@QuarkusTest
@TestSecurity(user = "admin", roles = Roles.ADMIN)
@QuarkusTestResource(value = KafkaAndPostgresResource.class,
        initArgs = @ResourceArg(name = KafkaAndPostgresResource.DATABASE_ARG, value = "entrypoint"),
        restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PreexistingMrdTopicResource.class, restrictToAnnotatedClass = false)
class LeftMessageTest {

    private static final String MESSAGES = "/system/egain/chat/entrypoint/{id}/messages";

    @Test
    void aMessageIsStoredWithTheAnswerTheCustomerSawAndListedNewestFirst() {
        putEntryPoint(2970, 5000, List.of(6971), true);
        int first = leave(2970, "Ann Customer", "ann@example.com", "Please call me back about my order 17.");
        int second = leave(2970, "Bob Customer", "bob@example.com", "  Where is my parcel?  ");

        List<Map<String, Object>> listed = given().get("/board/messages?limit=1000").then().statusCode(200)
                .extract().jsonPath().getList("$");
        List<Object> ids = listed.stream().map(m -> m.get("id")).toList();
        assertThat(ids.indexOf(second)).as("newest first").isLessThan(ids.indexOf(first)).isGreaterThanOrEqualTo(0);
        Map<String, Object> bob = listed.get(ids.indexOf(second));
        assertThat(bob).containsEntry("entryPointId", 2970).containsEntry("responseType", 1)
                .containsEntry("offHours", false).containsEntry("name", "Bob Customer")
                .containsEntry("text", "Where is my parcel?");
    }

    @Test
    void anInvalidMessageIsAProblemNamingEachFieldAndStoresNothing() {
        putEntryPoint(2971, 5000, List.of(6971), true);
        int before = given().get("/board/messages?limit=1000").then().extract().jsonPath().getList("$").size();
        given().contentType("application/json").body(Map.of("name", "", "email", "not-an-address", "text", "x"))
                .post(MESSAGES, 2971).then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem(containsString("email")))
                .body("violations.field", hasItem(containsString("name")));
        given().contentType("application/json").body("x".repeat(5000))
                .post(MESSAGES, 2971).then().statusCode(400).contentType("application/problem+json");
        given().contentType("application/json").body(Map.of("name", "A", "email", "a@example.com", "text",
                "x".repeat(4001))).post(MESSAGES, 2971).then().statusCode(400)
                .body("violations.field", hasItem(containsString("text")));
        given().contentType("application/json").body(Map.of("name", "A\u0000B", "email", "a@example.com", "text",
                "two\nlines")).post(MESSAGES, 2971).then().statusCode(400)
                .body("violations.field", hasItem(containsString("name")));
        given().contentType("application/json").body(Map.of("name", "A", "email", "a@example.com", "text", "hi"))
                .post(MESSAGES, 2979).then().statusCode(404).contentType("application/problem+json");
        assertThat(given().get("/board/messages?limit=1000").then().extract().jsonPath().getList("$")).hasSize(before);
        given().get("/board/messages?limit=0").then().statusCode(400).contentType("application/problem+json");
    }

    private static int leave(long entryPointId, String name, String email, String text) {
        return given().contentType("application/json").body(Map.of("name", name, "email", email, "text", text))
                .post(MESSAGES, entryPointId).then().statusCode(201).extract().path("messageId");
    }
}
