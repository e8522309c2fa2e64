package dev.agentavailability.entrypoint;

import static dev.agentavailability.entrypoint.Fixtures.INITIALIZE;
import static dev.agentavailability.entrypoint.Fixtures.body;
import static dev.agentavailability.entrypoint.Fixtures.putEntryPoint;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import dev.agentavailability.contract.access.Roles;
import dev.agentavailability.entrypoint.management.EntryPoint;
import dev.agentavailability.entrypoint.management.EntryPointCache;
import dev.agentavailability.rest.Problem;
import dev.agentavailability.testsupport.KafkaAndPostgresResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
// Runs as admin: what this class tests is not who may call (AccessTest is).
@TestSecurity(user = "admin", roles = Roles.ADMIN)
@QuarkusTestResource(value = KafkaAndPostgresResource.class,
        initArgs = @ResourceArg(name = KafkaAndPostgresResource.DATABASE_ARG, value = "entrypoint"),
        restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PreexistingMrdTopicResource.class, restrictToAnnotatedClass = false)
class EntryPointApiTest {

    @Inject
    EntryPointCache cache;

    /** This class's entry points (2001-2010) start absent, also when the database outlives a test run. */
    @BeforeEach
    void removeThisClassesEntryPoints() {
        QuarkusTransaction.requiringNew().run(() -> EntryPoint.delete("id between ?1 and ?2", 2001L, 2010L));
        cache.reload();
    }

    @Test
    void putCreatesThenReplacesAndStoresInTheDatabase() {
        given().contentType(ContentType.JSON).body(body("Sales chat", 5000, List.of(6928, 6929), true))
                .put("/entry-points/{id}", 2001)
                .then().statusCode(201)
                .header("Location", endsWith("/entry-points/2001"))
                .body("id", equalTo(2001)).body("name", equalTo("Sales chat")).body("mrdId", equalTo(5000))
                .body("skillGroupIds", equalTo(List.of(6928, 6929))).body("active", equalTo(true));

        given().contentType(ContentType.JSON).body(body("Support chat", 5001, List.of(7001), false))
                .put("/entry-points/{id}", 2001)
                .then().statusCode(200).body("name", equalTo("Support chat"));

        given().get("/entry-points/{id}", 2001)
                .then().statusCode(200)
                .body("name", equalTo("Support chat")).body("mrdId", equalTo(5001))
                .body("skillGroupIds", equalTo(List.of(7001))).body("active", equalTo(false));
        EntryPoint stored = QuarkusTransaction.requiringNew().call(() -> EntryPoint.findById(2001L));
        assertThat(stored.name).isEqualTo("Support chat");
        assertThat(stored.mrdId).isEqualTo(5001);
        assertThat(stored.skillGroupIds).containsExactly(7001);
        assertThat(stored.active).isFalse();
    }

    @Test
    void activeIsTrueWhenLeftOutAndRepeatedSkillGroupsAreStoredOnce() {
        given().contentType(ContentType.JSON).body(body("Defaults", 5000, List.of(6928, 6928, 6929), null))
                .put("/entry-points/{id}", 2002)
                .then().statusCode(201)
                .body("active", equalTo(true)).body("skillGroupIds", equalTo(List.of(6928, 6929)));
    }

    @Test
    void listReturnsTheEntryPointsOrderedById() {
        putEntryPoint(2004, 5000, List.of(1), true);
        putEntryPoint(2003, 5000, List.of(1), true);

        List<Integer> ids = given().get("/entry-points").then().statusCode(200).extract().path("id");

        assertThat(ids).contains(2003, 2004).isSorted();
    }

    @Test
    void deleteRemovesTheEntryPointEverywhere() {
        putEntryPoint(2005, 5000, List.of(6928), true);
        given().get(INITIALIZE, 2005).then().statusCode(200);

        given().delete("/entry-points/{id}", 2005).then().statusCode(204);

        given().get("/entry-points/{id}", 2005).then().statusCode(404).contentType(Problem.MEDIA_TYPE);
        given().get(INITIALIZE, 2005).then().statusCode(404).contentType(Problem.MEDIA_TYPE);
        EntryPoint gone = QuarkusTransaction.requiringNew().call(() -> EntryPoint.findById(2005L));
        assertThat(gone).isNull();
    }

    @Test
    void unknownIdsAre404Problems() {
        given().get("/entry-points/{id}", 2999)
                .then().statusCode(404).contentType(Problem.MEDIA_TYPE)
                .body("status", equalTo(404)).body("detail", containsString("2999"))
                .body("instance", equalTo("/entry-points/2999"));
        given().delete("/entry-points/{id}", 2999)
                .then().statusCode(404).contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void aBodyWithAMissingNameAndANegativeMrdIdIsA400NamingBothFields() {
        Map<String, Object> invalid = body(null, -1, List.of(6928), true);
        invalid.remove("name");

        given().contentType(ContentType.JSON).body(invalid).put("/entry-points/{id}", 2006)
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("status", equalTo(400))
                .body("violations.field", containsInAnyOrder("name", "mrdId"))
                .body("detail", containsString("name")).body("detail", containsString("mrdId"));
        given().get("/entry-points/{id}", 2006).then().statusCode(404);
    }

    @Test
    void emptyOrInvalidSkillGroupsAreRefused() {
        given().contentType(ContentType.JSON).body(body("No groups", 5000, List.of(), true))
                .put("/entry-points/{id}", 2007)
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("violations.field", equalTo(List.of("skillGroupIds")));
        given().contentType(ContentType.JSON).body(body("Bad group", 5000, List.of(6928, -3), true))
                .put("/entry-points/{id}", 2007)
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("detail", containsString("skillGroupIds"));
    }

    @Test
    void unreadableBodiesAndIdsAre400Problems() {
        given().contentType(ContentType.JSON).body("{\"name\": ").put("/entry-points/{id}", 2008)
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE);
        given().contentType(ContentType.JSON).body("{\"name\":\"x\",\"mrdId\":\"five\",\"skillGroupIds\":[1]}")
                .put("/entry-points/{id}", 2008)
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE).body("detail", containsString("mrdId"));
        given().contentType(ContentType.JSON).body(body("Bad id", 5000, List.of(6928), true))
                .put("/entry-points/{id}", "abc")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE);
        given().contentType(ContentType.JSON).body(body("Bad id", 5000, List.of(6928), true))
                .put("/entry-points/{id}", 0)
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE);
        given().get("/entry-points/{id}", "12x").then().statusCode(400).contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void thePublicCallAnswersFromMemoryWithoutTheDatabase() {
        putEntryPoint(2009, 5000, List.of(6928), true);
        // Removed behind the service's back: only the database changes.
        QuarkusTransaction.requiringNew().run(() -> EntryPoint.deleteById(2009L));

        given().get(INITIALIZE, 2009).then().statusCode(200).body("entryPointId", equalTo(2009));
    }

    @Test
    void theCacheIsLoadedFromTheDatabase() {
        QuarkusTransaction.requiringNew().run(() -> {
            EntryPoint entity = new EntryPoint();
            entity.id = 2010L;
            entity.name = "Written by another instance";
            entity.mrdId = 5000;
            entity.skillGroupIds = new int[] {6928};
            entity.persist();
        });
        given().get(INITIALIZE, 2010).then().statusCode(404);

        cache.reload(); // what startup does

        given().get(INITIALIZE, 2010).then().statusCode(200).body("entryPointId", equalTo(2010));
        given().get("/entry-points").then().body("id", hasItems(2010));
    }
}
