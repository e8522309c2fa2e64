package dev.agentavailability.listener.startup;

import dev.agentavailability.kafka.KafkaClients;
import dev.agentavailability.kafka.TopicAdmin;
import dev.agentavailability.listener.ListenerSettings;
import dev.agentavailability.listener.ListenerStatus;
import dev.agentavailability.listener.ListenerTopics;
import dev.agentavailability.listener.agent.AgentStates;
import dev.agentavailability.listener.agent.IdempotentActions;
import dev.agentavailability.listener.agent.InvokeIds;
import dev.agentavailability.listener.agent.SentRequests;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Start-up in the background, so that the HTTP server and health checks answer meanwhile: create missing
 * topics, note where the config topic ends, rebuild agent states from the agent-event topic and seed the
 * invoke id counter and the requests that responses may answer. Retried until it succeeds; the listener is not
 * ready before.
 */
@Singleton
public class ListenerStartup {

    private static final Logger LOG = Logger.getLogger(ListenerStartup.class);
    private static final Duration STALL_TIMEOUT = Duration.ofSeconds(60);

    private final KafkaClients kafka;
    private final ListenerTopics topics;
    private final ListenerSettings settings;
    private final int agentEventPartitions;
    private final ListenerStatus status;
    private final AgentStates states;
    private final InvokeIds invokeIds;
    private final SentRequests sentRequests;
    private final IdempotentActions idempotent;
    private volatile Thread worker;

    public ListenerStartup(KafkaClients kafka,
            @ConfigProperty(name = "availability.agent-events.partitions", defaultValue = "6") int agentEventPartitions,
            ListenerTopics topics, ListenerSettings settings, ListenerStatus status, AgentStates states,
            InvokeIds invokeIds, SentRequests sentRequests, IdempotentActions idempotent) {
        this.idempotent = idempotent;
        this.kafka = kafka;
        this.agentEventPartitions = agentEventPartitions;
        this.topics = topics;
        this.settings = settings;
        this.status = status;
        this.states = states;
        this.invokeIds = invokeIds;
        this.sentRequests = sentRequests;
    }

    void onStart(@Observes StartupEvent start) {
        worker = new Thread(this::startUntilDone, "listener-startup");
        worker.setDaemon(true);
        worker.start();
    }

    void onStop(@Observes ShutdownEvent stop) {
        Thread running = worker;
        if (running != null) {
            running.interrupt();
        }
    }

    private void startUntilDone() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                startOnce();
                return;
            } catch (RuntimeException e) {
                status.startupProblem(e.getMessage());
                LOG.warnf("start-up failed, retrying in %s: %s", settings.startupRetry(), e.getMessage());
            }
            try {
                Thread.sleep(settings.startupRetry().toMillis());
            } catch (InterruptedException stop) {
                return;
            }
        }
    }

    private void startOnce() {
        TopicAdmin.ensure(kafka, topics.specs(agentEventPartitions));
        try (Consumer<String, String> consumer = kafka.reader("listener-service-rebuild", Duration.ofSeconds(30),
                READER_SETTINGS, new StringDeserializer(), new StringDeserializer())) {
            TopicPartition config = new TopicPartition(topics.config(), 0);
            long configEnd = consumer.endOffsets(List.of(config), Duration.ofSeconds(30)).get(config);
            status.configEndAtStart(configEnd);

            long started = System.nanoTime();
            AgentEventRebuild.Result rebuilt = new AgentEventRebuild(consumer, topics.agentEvents(), STALL_TIMEOUT,
                    sentRequests::remember, idempotent::stored).run();
            states.replaceAll(rebuilt.agents());
            invokeIds.seedAbove(rebuilt.maxInvokeId());
            status.agentsRebuilt();
            LOG.infof("rebuilt %d agents from %d agent events of %s in %d ms (%d unreadable, %d refused); "
                    + "next invoke id above %d; config topic %s ends at offset %d",
                    rebuilt.agents().size(), rebuilt.records(), topics.agentEvents(),
                    (System.nanoTime() - started) / 1_000_000, rebuilt.unreadable(), rebuilt.refused(),
                    rebuilt.maxInvokeId(), topics.config(), configEnd);
        }
    }

    /** Only what the listener has written and Kafka committed, in larger polls than the default. */
    private static final Map<String, Object> READER_SETTINGS = Map.of(
            ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
            ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
}
