package dev.agentavailability.testsupport;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Hands the JVM-wide test Kafka and PostgreSQL ({@link TestInfrastructure}) to a Quarkus application under test:
 *
 * <pre>{@code
 * @QuarkusTest
 * @QuarkusTestResource(value = KafkaAndPostgresResource.class, initArgs = @ResourceArg(name = "database", value = "router"))
 * class RouterTest { ... }
 * }</pre>
 *
 * <p>Returns {@code kafka.bootstrap.servers}, {@code quarkus.datasource.jdbc.url} (database from the init arg
 * {@value #DATABASE_ARG}, default {@value #DEFAULT_DATABASE}, created if missing), {@code quarkus.datasource.username}
 * and {@code quarkus.datasource.password}. {@link #stop()} leaves the servers running for the next test class; a
 * shutdown hook stops them with the JVM. Topics are not created here: see {@link TestTopics}.
 */
public class KafkaAndPostgresResource implements QuarkusTestResourceLifecycleManager {

    public static final String DATABASE_ARG = "database";
    public static final String DEFAULT_DATABASE = "availability";

    private String database = DEFAULT_DATABASE;

    @Override
    public void init(Map<String, String> initArgs) {
        String value = initArgs == null ? null : initArgs.get(DATABASE_ARG);
        database = value == null || value.isBlank() ? DEFAULT_DATABASE : value.trim();
    }

    @Override
    public Map<String, String> start() {
        TestInfrastructure infra = TestInfrastructure.get().start();
        return Map.of(
                "kafka.bootstrap.servers", infra.bootstrapServers(),
                "quarkus.datasource.jdbc.url", infra.jdbcUrl(database),
                "quarkus.datasource.username", infra.username(),
                "quarkus.datasource.password", infra.password());
    }

    @Override
    public void stop() {
        // shared by every test class of this JVM: stopped by a shutdown hook
    }
}
