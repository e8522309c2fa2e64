package dev.agentavailability.kafka;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

import dev.agentavailability.contract.topic.TopicSpec;

/** Creates missing topics with their chosen settings; existing topics are left as they are. */
public final class TopicAdmin {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private TopicAdmin() {
    }

    public static void ensure(KafkaClients clients, Collection<TopicSpec> topics) {
        try (Admin admin = clients.admin("topic-setup", TIMEOUT)) {
            for (TopicSpec spec : topics) {
                NewTopic topic = new NewTopic(spec.name(), spec.partitions(), (short) -1).configs(spec.configs());
                try {
                    admin.createTopics(List.of(topic)).all().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + spec.name() + ": " + e.getCause(), e);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka at " + clients.bootstrapServers() + " did not answer in time", e);
        }
    }
}
