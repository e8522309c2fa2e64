package dev.agentavailability.testsupport;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;

import dev.agentavailability.kafka.KafkaClients;

class TestInfrastructureTest {

    private final TestInfrastructure infra = TestInfrastructure.get();

    @Test
    void usesTheForcedEmbeddedMode() {
        assertEquals("embedded", System.getProperty(TestInfrastructure.MODE_PROPERTY), "set by this module's pom");
        assertEquals(TestInfrastructure.Mode.EMBEDDED, infra.mode());
        assertSame(infra, TestInfrastructure.get());
    }

    @Test
    void autoModeWithoutDockerIsEmbeddedAtOnce() {
        assumeTrue(TestInfrastructure.dockerHint() == null, "this machine has some Docker engine");
        long start = System.nanoTime();
        assertEquals(TestInfrastructure.Mode.EMBEDDED, TestInfrastructure.resolveMode("auto"));
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(1), "no waiting for Docker");
        assertThrows(IllegalArgumentException.class, () -> TestInfrastructure.resolveMode("kubernetes"));
    }

    @Test
    void kafkaWorksThroughTopicsAndHelpers() throws Exception {
        String bootstrap = infra.bootstrapServers();
        assertEquals(bootstrap, infra.bootstrapServers(), "one broker per JVM");

        String topic = "test-support-events";
        TestTopics.create(bootstrap, topic, 2, Map.of("cleanup.policy", "compact"));
        TestTopics.create(bootstrap, topic, 2, Map.of("cleanup.policy", "compact")); // idempotent
        try (Admin admin = KafkaClients.bootstrap(bootstrap).admin("test-support-check", Duration.ofSeconds(30))) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            Config config = admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource);
            assertEquals("compact", config.get("cleanup.policy").value());
            assertEquals(2, admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS)
                    .get(topic).partitions().size());
        }

        assertTrue(TestKafka.readAll(bootstrap, "no-such-topic").isEmpty());
        try (TestKafka kafka = TestKafka.connect()) {
            assertEquals(bootstrap, kafka.bootstrapServers());
            assertTrue(kafka.readAll(topic).isEmpty());
            kafka.send(topic, "agent-1", "LOGGED_IN");
            kafka.send(topic, "agent-1", "AVAILABLE", Map.of("event-type", "AgentAvailable"));
            kafka.send(topic, "agent-2", "LOGGED_IN");

            await().atMost(Duration.ofSeconds(30)).until(() -> kafka.readAll(topic).size() == 3);
            List<ConsumerRecord<String, String>> agent1 = kafka.readAll(topic).stream()
                    .filter(r -> "agent-1".equals(r.key())).toList();
            assertEquals(List.of("LOGGED_IN", "AVAILABLE"), agent1.stream().map(ConsumerRecord::value).toList());
            assertEquals("AgentAvailable", new String(agent1.get(1).headers().lastHeader("event-type").value(),
                    StandardCharsets.UTF_8));
        }
    }

    @Test
    void eachDatabaseIsCreatedOnDemand() throws Exception {
        String a = infra.jdbcUrl("service_a");
        String b = infra.jdbcUrl("service_b");
        assertNotEquals(a, b);
        assertEquals(a, infra.jdbcUrl("service_a"));
        for (String url : List.of(a, b)) {
            try (Connection c = DriverManager.getConnection(url, infra.username(), infra.password());
                 Statement s = c.createStatement()) {
                try (ResultSet rs = s.executeQuery("select 1")) {
                    assertTrue(rs.next());
                    assertEquals(1, rs.getInt(1));
                }
                s.execute("create table if not exists t (id int)");
                s.execute("insert into t values (1)");
            }
        }
        assertThrows(IllegalArgumentException.class, () -> infra.jdbcUrl("x; drop database postgres"));
    }

    @Test
    void quarkusTestResourceHandsOutTheSharedServers() throws Exception {
        KafkaAndPostgresResource resource = new KafkaAndPostgresResource();
        resource.init(Map.of(KafkaAndPostgresResource.DATABASE_ARG, "resource_db"));
        Map<String, String> config = resource.start();
        assertEquals(infra.bootstrapServers(), config.get("kafka.bootstrap.servers"));
        assertEquals(infra.jdbcUrl("resource_db"), config.get("quarkus.datasource.jdbc.url"));
        assertTrue(config.get("quarkus.datasource.jdbc.url").endsWith("/resource_db"));
        try (Connection c = DriverManager.getConnection(config.get("quarkus.datasource.jdbc.url"),
                config.get("quarkus.datasource.username"), config.get("quarkus.datasource.password"))) {
            assertTrue(c.isValid(5));
        }
        resource.stop();
        assertEquals(config.get("kafka.bootstrap.servers"), infra.bootstrapServers(), "still running after stop()");

        KafkaAndPostgresResource byDefault = new KafkaAndPostgresResource();
        byDefault.init(Map.of());
        assertTrue(byDefault.start().get("quarkus.datasource.jdbc.url").endsWith("/availability"));
    }
}
