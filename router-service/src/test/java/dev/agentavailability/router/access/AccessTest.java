package dev.agentavailability.router.access;

import static dev.agentavailability.testsupport.AccessTable.call;
import static dev.agentavailability.testsupport.AccessTable.publicCall;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.agentavailability.contract.access.Roles;
import dev.agentavailability.contract.config.ConfigEvent;
import dev.agentavailability.contract.config.ConfigEventJson;
import dev.agentavailability.contract.config.ConfigKind;
import dev.agentavailability.contract.topic.Topics;
import dev.agentavailability.testsupport.AccessTable;
import dev.agentavailability.testsupport.KafkaAndPostgresResource;
import dev.agentavailability.testsupport.TestKafka;
import dev.agentavailability.testsupport.TestUsers;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Who may call the router: every endpoint against every role, with real HTTP Basic logins. */
@QuarkusTest
@QuarkusTestResource(value = KafkaAndPostgresResource.class,
        initArgs = @ResourceArg(name = KafkaAndPostgresResource.DATABASE_ARG, value = "router"))
class AccessTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private static final String[] READERS = {Roles.SUPERVISOR, Roles.ADMIN};
    private static final String RANGE = "?from=2019-08-19T13:00:00Z&to=2019-08-19T13:10:00Z";

    static AccessTable table() {
        return new AccessTable()
                .add(call("POST", "/config/import", Roles.ADMIN).body("application/yaml",
                        "mrds:\n  - { id: 9700, name: ACCESS_Chat, interruptible: false }\n"))
                .add(call("GET", "/config", READERS))
                .add(publicCall("GET", "/"))
                .add(call("GET", "/config/mrds/9700", READERS))
                .add(call("PUT", "/config/mrds/9701", Roles.ADMIN)
                        .body("application/json", "{\"name\":\"ACCESS_Email\",\"interruptible\":true}"))
                .add(call("DELETE", "/config/mrds/9701", Roles.ADMIN))
                .add(call("GET", "/projection", READERS))
                .add(call("GET", "/projection/anomalies", READERS))
                .add(call("GET", "/agents/6420/status", Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN)
                        .reachesEndpoint())
                .add(call("GET", "/chats/queue", READERS))
                .add(call("GET", "/skill-groups/6928/availability", READERS).reachesEndpoint())
                .add(call("GET", "/mrds/9700/availability", READERS).reachesEndpoint())
                .add(call("GET", "/replay/agents/6420?at=2019-08-19T13:05:00Z", READERS).reachesEndpoint())
                .add(call("GET", "/replay/skill-groups/6928?at=2019-08-19T13:05:00Z", READERS).reachesEndpoint())
                .add(call("GET", "/replay/entry-points/1001?at=2019-08-19T13:05:00Z", READERS).reachesEndpoint())
                .add(call("GET", "/replay/timeline" + RANGE, READERS).reachesEndpoint())
                .add(call("GET", "/replay/time-in-state" + RANGE, READERS).reachesEndpoint())
                .add(call("GET", "/replay/timeline.html" + RANGE, READERS).reachesEndpoint())
                .add(call("GET", "/replay/series" + RANGE, READERS).reachesEndpoint());
    }

    @Test
    void everyEndpointAdmitsItsRolesAndRefusesTheOthers() {
        assertThat(table().check()).isEmpty();
    }

    @Test
    void theApiDocumentNamesEveryEndpointOfTheTableWithItsRoles() {
        String openApi = given().accept("application/json").get("/q/openapi?format=json").asString();
        assertThat(table().apiDocumentFaults(openApi)).isEmpty();
    }

    @Test
    void aConfigChangeCarriesWhoMadeIt() {
        given().auth().preemptive().basic(TestUsers.ADMIN.user(), TestUsers.ADMIN.password())
                .contentType("application/json").body("{\"name\":\"WHO_Chat\",\"interruptible\":false}")
                .put("/config/mrds/9702").then().statusCode(200);

        List<String> changedBy = TestKafka.readAll(bootstrap, Topics.CONFIG).stream()
                .filter(record -> ConfigEvent.key(ConfigKind.MRD, 9702).equals(record.key()))
                .map(record -> ConfigEventJson.read(record.value()).value().changedBy()).toList();
        assertThat(changedBy).isNotEmpty().containsOnly(TestUsers.ADMIN.user());
    }

    @Test
    void anAgentReadsItsOwnStatusOnly() {
        given().auth().preemptive().basic(TestUsers.AGENT_5033.user(), TestUsers.AGENT_5033.password())
                .get("/agents/6420/status").then()
                .statusCode(403)
                .body("detail", equalTo("user agent5033 acts for ICM agent 5033 only, not for agent 6420"));
    }
}
