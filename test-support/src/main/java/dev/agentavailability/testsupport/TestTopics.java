package dev.agentavailability.testsupport;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.TopicExistsException;
import org.awaitility.Awaitility;

import dev.agentavailability.kafka.KafkaClients;

/** Topic creation for tests (the test brokers do not create topics automatically). */
public final class TestTopics {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private TestTopics() {
    }

    /**
     * Creates a topic with the broker's default replication factor unless it exists (an existing topic is left as it
     * is, whatever its partitions and configs), then waits until every partition has a leader.
     *
     * @param configs topic configs such as {@code cleanup.policy=compact}; may be empty
     */
    public static void create(String bootstrapServers, String name, int partitions, Map<String, String> configs) {
        try (Admin admin = admin(bootstrapServers)) {
            NewTopic topic = new NewTopic(name, Optional.of(partitions), Optional.empty())
                    .configs(configs == null ? Map.of() : configs);
            try {
                admin.createTopics(List.of(topic)).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException("Could not create topic " + name, e.getCause());
                }
            } catch (TimeoutException e) {
                throw new IllegalStateException("Creating topic " + name + " timed out after " + TIMEOUT, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while creating topic " + name, e);
            }
            Awaitility.await("leaders for all partitions of topic " + name)
                    .atMost(TIMEOUT)
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(50))
                    .ignoreExceptions()
                    .until(() -> hasLeaders(admin, name));
        }
    }

    /** {@link #create(String, String, int, Map)} without topic configs. */
    public static void create(String bootstrapServers, String name, int partitions) {
        create(bootstrapServers, name, partitions, Map.of());
    }

    /** {@link #create(String, String, int, Map)} on the JVM-wide test broker ({@link TestInfrastructure}). */
    public static void create(String name, int partitions, Map<String, String> configs) {
        create(TestInfrastructure.get().bootstrapServers(), name, partitions, configs);
    }

    private static boolean hasLeaders(Admin admin, String name) throws Exception {
        TopicDescription description = admin.describeTopics(List.of(name)).allTopicNames()
                .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).get(name);
        return description != null && !description.partitions().isEmpty()
                && description.partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty());
    }

    private static Admin admin(String bootstrapServers) {
        return KafkaClients.bootstrap(bootstrapServers).admin("test-topics", TIMEOUT);
    }
}
