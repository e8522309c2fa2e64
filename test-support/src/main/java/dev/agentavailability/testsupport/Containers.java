package dev.agentavailability.testsupport;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** The Testcontainers implementation; loaded only when used, so nothing touches Docker in embedded mode. */
final class Containers {

    private Containers() {
    }

    static boolean dockerAvailable() {
        return DockerClientFactory.instance().isDockerAvailable();
    }

    /** Starts an apache/kafka container configured like the embedded broker; returns its bootstrap servers. */
    static String startKafka() {
        String image = System.getProperty(TestInfrastructure.KAFKA_IMAGE_PROPERTY,
                TestInfrastructure.DEFAULT_KAFKA_IMAGE);
        KafkaContainer kafka = new KafkaContainer(image)
                .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false")
                .withEnv("KAFKA_NUM_PARTITIONS", "1")
                .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0")
                .withEnv("KAFKA_OFFSETS_TOPIC_NUM_PARTITIONS", "5")
                .withEnv("KAFKA_TRANSACTION_STATE_LOG_NUM_PARTITIONS", "5")
                .withEnv("KAFKA_SHARE_COORDINATOR_STATE_TOPIC_REPLICATION_FACTOR", "1")
                .withEnv("KAFKA_SHARE_COORDINATOR_STATE_TOPIC_MIN_ISR", "1");
        kafka.start();
        Runtime.getRuntime().addShutdownHook(new Thread(kafka::stop, "test-kafka-container-stop"));
        return kafka.getBootstrapServers();
    }

    /** Starts a PostgreSQL container; returns {url prefix ending in '/', username, password}. */
    static String[] startPostgres() {
        String image = System.getProperty(TestInfrastructure.POSTGRES_IMAGE_PROPERTY,
                TestInfrastructure.DEFAULT_POSTGRES_IMAGE);
        PostgreSQLContainer postgres = new PostgreSQLContainer(image);
        postgres.start();
        Runtime.getRuntime().addShutdownHook(new Thread(postgres::stop, "test-postgres-container-stop"));
        String prefix = "jdbc:postgresql://" + postgres.getHost() + ":"
                + postgres.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT) + "/";
        return new String[] {prefix, postgres.getUsername(), postgres.getPassword()};
    }
}
