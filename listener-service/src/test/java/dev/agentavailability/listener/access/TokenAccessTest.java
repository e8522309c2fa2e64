package dev.agentavailability.listener.access;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;

import dev.agentavailability.testsupport.ServiceReadiness;
import dev.agentavailability.contract.access.Roles;
import dev.agentavailability.listener.SeededTopics;
import dev.agentavailability.testsupport.KafkaAndPostgresResource;
import dev.agentavailability.testsupport.TestUsers;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The listener as production runs it: tokens only, signed by a key the test makes, issuer and key from
 * configuration. Lab users cannot log in, API documents need admin.
 */
@QuarkusTest
@TestProfile(TokenAccessTest.TokensOnly.class)
@QuarkusTestResource(value = KafkaAndPostgresResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = SeededTopics.class, restrictToAnnotatedClass = false)
class TokenAccessTest {

    public static class TokensOnly implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("availability.security.tokens-only", "true",
                    "availability.security.metrics-policy", "readers",
                    "mp.jwt.verify.issuer", TestTokens.ISSUER,
                    "mp.jwt.verify.publickey", TestTokens.publicKey());
        }
    }

    @BeforeEach
    void awaitReadiness() {
        ServiceReadiness.await("listener");
    }

    @Test
    void anAgentTokenActsForTheAgentInItsClaim() {
        String token = TestTokens.sign(TestTokens.claims("desk-6436", Roles.AGENT).claim("icm_agent_id", 6436));
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{}")
                .post("/agents/6436/mrds/5000/logout").then().statusCode(anyOf(equalTo(200), equalTo(409)));
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"maxTaskLimit\": 1}")
                .post("/agents/6436/mrds/5000/login").then().statusCode(200)
                .body("published[0].icmAgentId", equalTo(6436));

        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"maxTaskLimit\": 1}")
                .post("/agents/6437/mrds/5000/login").then().statusCode(403)
                .body("detail", equalTo("user desk-6436 acts for ICM agent 6436 only, not for agent 6437"));
    }

    @Test
    void aTokenWithoutTheRoleIsForbiddenAndABadTokenIsUnauthorized() {
        given().auth().oauth2(TestTokens.sign(TestTokens.claims("wallboard", Roles.SUPERVISOR)))
                .contentType(ContentType.JSON).body("{\"domainAvailable\": true}")
                .post("/application-paths/5001/mrds/5000/domain-status").then().statusCode(403);
        given().auth().oauth2(TestTokens.signWithAnotherKey(TestTokens.claims("intruder", Roles.ADMIN)))
                .get("/agents/6420").then().statusCode(401).header("WWW-Authenticate", "Bearer")
                .contentType("application/problem+json").body("detail", containsString("login was refused"));
        given().auth().oauth2(TestTokens.sign(TestTokens.claims("stale", Roles.ADMIN)
                .issuer("https://someone-else.test"))).get("/agents/6420").then().statusCode(401);
        given().auth().oauth2(TestTokens.sign(TestTokens.claims("late", Roles.ADMIN).expiresAt(1_000_000L)))
                .get("/agents/6420").then().statusCode(401);
    }

    @Test
    void labUsersCannotLogInWhereOnlyTokensCount() {
        given().auth().preemptive().basic(TestUsers.ADMIN.user(), TestUsers.ADMIN.password())
                .get("/agents/6420").then().statusCode(401);
    }

    @Test
    void apiDocumentsAndMetricsNeedTheirRoles() {
        // anonymous: Quarkus sends the bearer challenge itself, with no body (not a failure a handler sees)
        given().get("/q/openapi").then().statusCode(401).header("WWW-Authenticate", "Bearer");
        given().auth().oauth2(TestTokens.sign(TestTokens.claims("wallboard", Roles.SUPERVISOR)))
                .get("/q/openapi").then().statusCode(403).contentType("application/problem+json")
                .body("status", org.hamcrest.Matchers.equalTo(403))
                .body("detail", org.hamcrest.Matchers.containsString("roles do not include"));
        given().auth().oauth2(TestTokens.sign(TestTokens.claims("ops", Roles.ADMIN)))
                .get("/q/openapi").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(401);
        given().auth().oauth2(TestTokens.sign(TestTokens.claims("wallboard", Roles.SUPERVISOR)))
                .get("/q/metrics").then().statusCode(200);
    }
}
