package dev.agentavailability.kafka.cdi;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import dev.agentavailability.contract.topic.Topics;
import dev.agentavailability.kafka.AcknowledgedProducer;
import dev.agentavailability.kafka.DeadLetter;
import dev.agentavailability.kafka.KafkaClients;
import dev.agentavailability.kafka.TopicAdmin;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Sends the records a service refuses to the dead-letter topic ({@code availability.topics.dead-letters}), counted
 * in {@code availability_dead_letters_total} by source topic. Every reader of every topic uses it, so a poison
 * record is never only a log line.
 */
@ApplicationScoped
public class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final KafkaClients kafka;
    private final MeterRegistry meters;
    private final String topic;
    private final String reader;
    /** Reports leave the caller's thread at once: views read on the event loop must not wait on Kafka. */
    private final ExecutorService reports = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "dead-letters");
        thread.setDaemon(true);
        return thread;
    });
    private AcknowledgedProducer producer;

    DeadLetters(KafkaClients kafka, MeterRegistry meters,
            @ConfigProperty(name = "availability.topics.dead-letters", defaultValue = Topics.DEAD_LETTERS) String topic,
            @ConfigProperty(name = "quarkus.application.name") String reader) {
        this.kafka = kafka;
        this.meters = meters;
        this.topic = topic;
        this.reader = reader;
    }

    /**
     * Stores the dead letters, returning once Kafka has each: a reader that checkpoints its offset may move past them
     * only then.
     *
     * @throws IllegalStateException when Kafka did not take them in time; the reader must stop, not skip
     */
    public void send(List<DeadLetter> letters) {
        if (letters.isEmpty()) {
            return;
        }
        letters.forEach(DeadLetters::log);
        try {
            producer().sendAll(letters.stream().map(letter -> letter.toRecord(topic, reader)).toList());
        } catch (AcknowledgedProducer.NotAcknowledged e) {
            throw new IllegalStateException("could not store " + letters.size() + " dead letter(s) on " + topic
                    + ": " + e.getMessage(), e);
        }
        letters.forEach(this::count);
    }

    /**
     * Reports a record refused by a reader that reads its topic from the beginning at every start (so the record
     * itself stays where it is): sent in the background; a failure to send is logged, never thrown.
     */
    public void report(DeadLetter letter) {
        log(letter);
        try {
            reports.execute(() -> sendReported(letter));
        } catch (RejectedExecutionException stopping) {
            // the service is stopping: the record stays on its topic and is reported at the next start
        }
    }

    private void sendReported(DeadLetter letter) {
        try {
            producer().send(letter.toRecord(topic, reader));
            count(letter);
        } catch (AcknowledgedProducer.NotAcknowledged | RuntimeException e) {
            LOG.errorf("could not store the dead letter of %s on %s: %s", letter.source(), topic, e.getMessage());
        }
    }

    private static void log(DeadLetter letter) {
        LOG.warnf("record %s (key %s) refused, sent to the dead-letter topic: %s", letter.source(), letter.key(),
                letter.reason());
    }

    private void count(DeadLetter letter) {
        Counter.builder("availability.dead.letters").description("records refused and sent to the dead-letter topic")
                .tag("topic", letter.topic()).register(meters).increment();
    }

    /** Made on the first dead letter, with the topic: every service may be the first to refuse a record. */
    private synchronized AcknowledgedProducer producer() {
        if (producer == null) {
            TopicAdmin.ensure(kafka, Topics.named(1, Map.of(Topics.DEAD_LETTERS, topic)));
            producer = kafka.acknowledgedProducer(reader + "-dead-letters", WAIT);
        }
        return producer;
    }

    @PreDestroy
    synchronized void close() {
        reports.shutdown();
        if (producer != null) {
            producer.close();
        }
    }
}
