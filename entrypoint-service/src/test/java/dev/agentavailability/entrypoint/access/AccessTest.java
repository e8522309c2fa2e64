package dev.agentavailability.entrypoint.access;

import static dev.agentavailability.testsupport.AccessTable.call;
import static dev.agentavailability.testsupport.AccessTable.publicCall;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentavailability.testsupport.ServiceReadiness;
import dev.agentavailability.contract.ContractJson;
import dev.agentavailability.contract.access.Roles;
import dev.agentavailability.entrypoint.PreexistingMrdTopicResource;
import dev.agentavailability.testsupport.AccessTable;
import dev.agentavailability.testsupport.KafkaAndPostgresResource;
import dev.agentavailability.testsupport.TestUsers;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Who may call the entry point service: every endpoint against every role, with real HTTP Basic logins. */
@QuarkusTest
@QuarkusTestResource(value = KafkaAndPostgresResource.class,
        initArgs = @ResourceArg(name = KafkaAndPostgresResource.DATABASE_ARG, value = "entrypoint"),
        restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PreexistingMrdTopicResource.class, restrictToAnnotatedClass = false)
class AccessTest {

    private static final String[] READERS = {Roles.SUPERVISOR, Roles.ADMIN};
    private static final String CHAT = "/system/egain/chat/entrypoint";

    static AccessTable table() {
        return new AccessTable()
                .add(call("PUT", "/entry-points/2901", Roles.ADMIN).body("application/json",
                        "{\"name\":\"Access chat\",\"mrdId\":5000,\"skillGroupIds\":[6928]}"))
                .add(call("GET", "/entry-points", READERS))
                .add(call("GET", "/entry-points/2901", READERS))
                .add(call("GET", "/entry-points/2901/explain", READERS))
                .add(publicCall("GET", CHAT + "/initialize/2901"))
                .add(publicCall("OPTIONS", CHAT + "/initialize/2901"))
                .add(publicCall("POST", CHAT + "/2901/chats").reachesEndpoint())
                .add(publicCall("POST", CHAT + "/2901/chats/no-such-chat/abandon").reachesEndpoint())
                .add(publicCall("GET", CHAT + "/2901/answers").streaming())
                .add(publicCall("OPTIONS", CHAT + "/2901/answers"))
                .add(publicCall("OPTIONS", CHAT + "/2901/messages"))
                .add(publicCall("POST", CHAT + "/2901/messages").body("application/json",
                        "{\"name\":\"Ann\",\"email\":\"ann@example.com\",\"text\":\"Call me\"}"))
                .add(publicCall("GET", "/benchmark/ceiling"))
                .add(publicCall("GET", "/"))
                .add(publicCall("GET", "/chat/"))
                .add(publicCall("GET", "/chat/chat.js"))
                .add(call("GET", "/board", READERS))
                .add(call("GET", "/board/board.js", READERS))
                .add(call("GET", "/board/board.css", READERS))
                .add(call("GET", "/board/state", READERS))
                .add(call("GET", "/board/stream", READERS).streaming())
                .add(call("GET", "/board/agents/916499", READERS).reachesEndpoint())
                .add(call("GET", "/board/entry-points/2901/explain", READERS))
                .add(call("GET", "/board/messages", READERS))
                .add(call("DELETE", "/entry-points/2901", Roles.ADMIN));
    }

    @Test
    void everyEndpointAdmitsItsRolesAndRefusesTheOthers() {
        ServiceReadiness.await("entry point");
        assertThat(table().check()).isEmpty();
    }

    @Test
    void thePublicAnswersRevealNoCounts() throws Exception {
        given().auth().preemptive().basic(TestUsers.ADMIN.user(), TestUsers.ADMIN.password())
                .contentType("application/json").body("{\"name\":\"Count chat\",\"mrdId\":5000,\"skillGroupIds\":[6928]}")
                .put("/entry-points/2902").then().statusCode(anyOf(equalTo(200), equalTo(201)));
        List<String> names = new ArrayList<>();
        fieldNames(ContractJson.mapper().readTree(given().get(CHAT + "/initialize/2902").asString()), "", names);
        fieldNames(ContractJson.mapper().readTree(given().post(CHAT + "/2902/chats").asString()), "", names);

        assertThat(names).isNotEmpty()
                .noneMatch(name -> name.matches("(?i).*(agent|count|ready|routable|queue|waiting|position|skill).*"));
    }

    private static void fieldNames(JsonNode node, String prefix, List<String> names) {
        node.fields().forEachRemaining(field -> {
            names.add(prefix + field.getKey());
            fieldNames(field.getValue(), prefix + field.getKey() + ".", names);
        });
    }

    @Test
    void theApiDocumentNamesEveryEndpointOfTheTableWithItsRoles() {
        String openApi = given().accept("application/json").get("/q/openapi?format=json").asString();
        assertThat(table().apiDocumentFaults(openApi)).isEmpty();
    }
}
