package dev.agentavailability.kafka;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.TopicExistsException;

import dev.agentavailability.contract.topic.TopicSpec;

/**
 * Creates missing topics with their chosen settings; existing topics are left as they are. Topics are listed
 * first and only the missing ones created, because a production client may describe its topics but not create
 * them (Kafka refuses a create without the Create ACL even when the topic exists).
 */
public final class TopicAdmin {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private TopicAdmin() {
    }

    public static void ensure(KafkaClients clients, Collection<TopicSpec> topics) {
        try (Admin admin = clients.admin("topic-setup", TIMEOUT)) {
            // only the topics this client may describe: one it may not is "missing", and its create says why
            Set<String> existing = admin.listTopics().names().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            for (TopicSpec spec : topics) {
                if (existing.contains(spec.name())) {
                    continue;
                }
                NewTopic topic = new NewTopic(spec.name(), spec.partitions(), (short) -1).configs(spec.configs());
                try {
                    admin.createTopics(List.of(topic)).all().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof AuthorizationException) {
                        throw new IllegalStateException("topic " + spec.name() + " does not exist, or this client may "
                                + "not describe it, and it may not create it: create the topic (in Kubernetes, its "
                                + "KafkaTopic) or grant the ACLs (" + e.getCause().getMessage() + ")", e);
                    }
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + spec.name() + ": " + e.getCause(), e);
                    }
                }
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot list the topics of Kafka at " + clients.bootstrapServers() + ": "
                    + e.getCause(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka at " + clients.bootstrapServers() + " did not answer in time", e);
        }
    }
}
