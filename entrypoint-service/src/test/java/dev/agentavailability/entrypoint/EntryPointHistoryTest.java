package dev.agentavailability.entrypoint;

import static dev.agentavailability.entrypoint.Fixtures.putEntryPoint;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.agentavailability.contract.Decoded;
import dev.agentavailability.contract.access.Roles;
import dev.agentavailability.contract.entrypoint.AvailabilityScope;
import dev.agentavailability.contract.entrypoint.EntryPointEvent;
import dev.agentavailability.contract.entrypoint.EntryPointEventJson;
import dev.agentavailability.contract.entrypoint.EntryPointEventType;
import dev.agentavailability.contract.entrypoint.EntryPointSettings;
import dev.agentavailability.contract.topic.Topics;
import dev.agentavailability.entrypoint.management.EntryPoint;
import dev.agentavailability.entrypoint.management.EntryPointCache;
import dev.agentavailability.entrypoint.management.EntryPointHistorySync;
import dev.agentavailability.testsupport.KafkaAndPostgresResource;
import dev.agentavailability.testsupport.TestInfrastructure;
import dev.agentavailability.testsupport.TestKafka;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every entry point change reaches the entry-point topic, which replays read to answer for an instant. */
@QuarkusTest
// Runs as admin: what this class tests is not who may call (AccessTest is).
@TestSecurity(user = "admin", roles = Roles.ADMIN)
@QuarkusTestResource(value = KafkaAndPostgresResource.class,
        initArgs = @ResourceArg(name = KafkaAndPostgresResource.DATABASE_ARG, value = "entrypoint"),
        restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PreexistingMrdTopicResource.class, restrictToAnnotatedClass = false)
class EntryPointHistoryTest {

    @Inject
    EntryPointCache cache;

    @Inject
    EntryPointHistorySync sync;

    @BeforeEach
    void removeThisClassesEntryPoints() {
        QuarkusTransaction.requiringNew().run(() -> EntryPoint.delete("id between ?1 and ?2", 2101L, 2110L));
        cache.reload();
    }

    @Test
    void putAndDeleteAreOnTheTopicWithTheWholeSettings() {
        putEntryPoint(2101, 5000, List.of(6928, 6929), true);
        given().delete("/entry-points/{id}", 2101).then().statusCode(204);

        List<EntryPointEvent> events = eventsOf(2101);
        assertThat(events).extracting(EntryPointEvent::type)
                .endsWith(EntryPointEventType.SAVED, EntryPointEventType.DELETED);
        EntryPointEvent saved = events.get(events.size() - 2);
        assertThat(saved.settings().mrdId()).isEqualTo(5000);
        assertThat(saved.settings().skillGroupIds()).containsExactly(6928, 6929);
        assertThat(saved.settings().active()).isTrue();
        assertThat(saved.settings().availabilityScope()).isEqualTo(AvailabilityScope.SKILL_GROUP);
        assertThat(saved.settings().chatSettings().path("htmlTagMatcherRegex").asText()).isEqualTo("<[^>]*>");
        // who changed it: the principal of the calls (this class runs as admin)
        assertThat(events.subList(events.size() - 2, events.size())).extracting(EntryPointEvent::changedBy)
                .containsOnly("admin");
    }

    @Test
    void deletingAnUnknownEntryPointWritesNothing() {
        given().delete("/entry-points/{id}", 2102).then().statusCode(404);

        assertThat(eventsOf(2102)).isEmpty();
    }

    @Test
    void startupSyncWritesRowsTheTopicDoesNotHaveAndNothingWhenInStep() {
        putEntryPoint(2103, 5000, List.of(6928), true);
        // a row changed behind the service's back (a migration, a restore): the topic does not know it yet
        QuarkusTransaction.requiringNew().run(() -> EntryPoint.<EntryPoint>findById(2103L).maxQueueDepth = 7);

        assertThat(sync.sync()).isGreaterThanOrEqualTo(1);
        List<EntryPointEvent> events = eventsOf(2103);
        assertThat(events.get(events.size() - 1).settings().maxQueueDepth()).isEqualTo(7);
        assertThat(events.get(events.size() - 1).changedBy()).isEqualTo(EntryPointHistorySync.REPAIRED_BY);

        assertThat(sync.sync()).isZero();
    }

    @Test
    void aChangeMadeThroughAnotherInstanceReachesThisInstancesAnswers() {
        String bootstrap = TestInfrastructure.get().start().bootstrapServers();
        EntryPointEvent saved = EntryPointEvent.saved(2104, new EntryPointSettings("Other instance", 5000,
                List.of(6928), false, 0, AvailabilityScope.SKILL_GROUP, 300, null, null, List.of(), null),
                Instant.now());
        try (TestKafka kafka = TestKafka.connect(bootstrap)) {
            kafka.send(Topics.ENTRY_POINTS, saved.key(), EntryPointEventJson.write(saved));
            // inactive: answered 1 by this instance, which never saw the PUT
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get(Fixtures.INITIALIZE, 2104)
                    .then().statusCode(200).body("checkEligibility.responseType", equalTo(1)));

            EntryPointEvent deleted = EntryPointEvent.deleted(2104, Instant.now());
            kafka.send(Topics.ENTRY_POINTS, deleted.key(), EntryPointEventJson.write(deleted));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get(Fixtures.INITIALIZE, 2104)
                    .then().statusCode(404));
        }
    }

    private static List<EntryPointEvent> eventsOf(long id) {
        return TestKafka.readAll(TestInfrastructure.get().start().bootstrapServers(), Topics.ENTRY_POINTS).stream()
                .map(r -> EntryPointEventJson.read(r.value()))
                .filter(Decoded::isValid).map(Decoded::value)
                .filter(e -> e.entryPointId() == id)
                .toList();
    }
}
