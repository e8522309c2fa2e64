package dev.agentavailability.entrypoint.startup;

import dev.agentavailability.entrypoint.EntryPointTopics;
import dev.agentavailability.kafka.KafkaClients;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Captures, once at startup, the offsets up to which the availability topics, the chat-event topic and the entry-point
 * topic must be read before the instance is
 * ready, and tracks the records applied since. A topic that does not exist yet needs nothing. While Kafka cannot be
 * reached the capture is retried in the background; startup never waits for it.
 */
@ApplicationScoped
public class AvailabilityCatchUp {

    private static final Logger LOG = Logger.getLogger(AvailabilityCatchUp.class);

    private final CatchUpProgress progress = new CatchUpProgress();

    private final KafkaClients kafka;
    private final String skillGroupTopic;
    private final String mrdTopic;
    private final String chatTopic;
    private final String entryPointTopic;
    private final Duration attemptTimeout;
    private final Duration retryDelay;

    AvailabilityCatchUp(KafkaClients kafka, EntryPointTopics topics, @ConfigProperty(name = "chat.topic") String chatTopic,
            @ConfigProperty(name = "availability.catch-up.attempt-timeout", defaultValue = "10s")
            Duration attemptTimeout,
            @ConfigProperty(name = "availability.catch-up.retry-delay", defaultValue = "2s") Duration retryDelay) {
        this.kafka = kafka;
        this.skillGroupTopic = topics.skillGroups();
        this.mrdTopic = topics.mrds();
        this.chatTopic = chatTopic;
        this.entryPointTopic = topics.entryPoints();
        this.attemptTimeout = attemptTimeout;
        this.retryDelay = retryDelay;
    }

    private volatile boolean stopping;
    private volatile Thread capturer;

    void onStart(@Observes StartupEvent event) {
        Thread thread = new Thread(this::captureUntilDone, "availability-catch-up");
        thread.setDaemon(true);
        capturer = thread;
        thread.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
        Thread thread = capturer;
        if (thread != null) {
            thread.interrupt();
        }
    }

    /** Called for every record read from an availability topic, readable or not. */
    public void seen(String topic, int partition, long offset) {
        progress.seen(topic, partition, offset);
    }

    public boolean caughtUp() {
        return progress.caughtUp();
    }

    public boolean targetsKnown() {
        return progress.targetsKnown();
    }

    public Map<String, Long> remaining() {
        return progress.remaining();
    }

    public List<String> topics() {
        return List.of(skillGroupTopic, mrdTopic, chatTopic, entryPointTopic);
    }

    private void captureUntilDone() {
        while (!stopping) {
            try {
                capture();
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                LOG.warnf("cannot read the end offsets of %s yet (%s); retrying in %s", topics(), e, retryDelay);
            }
            try {
                Thread.sleep(retryDelay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void capture() throws Exception {
        long timeoutMs = attemptTimeout.toMillis();
        try (Admin admin = kafka.admin("entrypoint-catch-up", Duration.ofMillis(timeoutMs))) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics()) {
                try {
                    TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames()
                            .get(timeoutMs, TimeUnit.MILLISECONDS).get(topic);
                    description.partitions().forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                        throw e;
                    }
                    LOG.infof("topic %s does not exist yet: nothing to catch up on", topic);
                }
            }
            Map<TopicPartition, Long> start = offsets(admin, partitions, OffsetSpec.earliest(), timeoutMs);
            Map<TopicPartition, Long> end = offsets(admin, partitions, OffsetSpec.latest(), timeoutMs);
            progress.target(start, end);
            LOG.infof("availability topics to read before ready: end offsets %s", end);
        }
    }

    private static Map<TopicPartition, Long> offsets(Admin admin, List<TopicPartition> partitions, OffsetSpec spec,
            long timeoutMs) throws Exception {
        if (partitions.isEmpty()) {
            return Map.of();
        }
        Map<TopicPartition, OffsetSpec> request = partitions.stream()
                .collect(Collectors.toMap(Function.identity(), p -> spec));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> answer = admin.listOffsets(request).all()
                .get(timeoutMs, TimeUnit.MILLISECONDS);
        return answer.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }
}
