package dev.agentavailability.entrypoint;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;

import dev.agentavailability.contract.ContractJson;
import dev.agentavailability.contract.availability.AvailabilityCounts;
import dev.agentavailability.contract.availability.SkillGroupAvailability;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Requests and records the integration tests share. */
public final class Fixtures {

    public static final String INITIALIZE = "/system/egain/chat/entrypoint/initialize/{id}";

    private Fixtures() {
    }

    public static Map<String, Object> body(String name, int mrdId, List<Integer> skillGroupIds, Boolean active) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("mrdId", mrdId);
        body.put("skillGroupIds", skillGroupIds);
        if (active != null) {
            body.put("active", active);
        }
        return body;
    }

    public static void putEntryPoint(long id, int mrdId, List<Integer> skillGroupIds, boolean active) {
        given().contentType(ContentType.JSON).body(body("Entry point " + id, mrdId, skillGroupIds, active))
                .put("/entry-points/{id}", id)
                .then().statusCode(anyOf(is(200), is(201)));
    }

    public static int responseType(long entryPointId) {
        return given().get(INITIALIZE, entryPointId)
                .then().statusCode(200).contentType(ContentType.JSON)
                .extract().path("checkEligibility.responseType");
    }

    public static String skillGroupRecord(int skillGroupId, int partition, int available) {
        return ContractJson.write(new SkillGroupAvailability(SkillGroupAvailability.SCHEMA_VERSION, skillGroupId, 5000,
                partition, new AvailabilityCounts(available, available, available, available, 0, 0, 0, 2L * available, 0),
                42, Instant.now()));
    }

    public static String key(int skillGroupId, int partition) {
        return SkillGroupAvailability.key(skillGroupId, partition);
    }
}
