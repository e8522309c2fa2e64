package dev.agentavailability.benchmarks.suite;

import dev.agentavailability.contract.arm.ArmEvent;
import dev.agentavailability.contract.arm.ArmEventJson;
import dev.agentavailability.contract.arm.ArmFields;
import dev.agentavailability.contract.arm.ArmMessage;
import dev.agentavailability.contract.topic.Topics;
import dev.agentavailability.kafka.KafkaClients;
import dev.agentavailability.kafka.TopicReader;
import dev.agentavailability.lab.Lab;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Live projection: agent events written straight onto the agent-event topic as fast as a batching producer goes
 * (logins, then ready and not ready in turn, for agents of their own), and the time until the router has applied
 * and stored every one of them with its offsets (its {@code /projection} next offsets), in events per second. The
 * ceiling is a raw consumer reading the same records, from where they start to where they end, once the router is
 * done.
 */
final class ProjectionFigures {

    private static final int AGENTS = 200;
    private static final int FIRST_AGENT = 8001;
    private static final int MRD = 5000;
    private static final Duration DEADLINE = Duration.ofMinutes(5);

    private ProjectionFigures() {
    }

    static List<Figure> measure(Lab lab, Size size) throws Exception {
        int events = size.projectionEvents;
        KafkaClients kafka = KafkaClients.bootstrap(lab.bootstrapServers());
        Map<TopicPartition, Long> from = endOffsets(kafka);
        long applied = lab.appliedOffsets();
        long start = System.nanoTime();
        write(kafka, events);
        long target = applied + events;
        long deadline = start + DEADLINE.toNanos();
        while (lab.appliedOffsets() < target) {
            if (System.nanoTime() > deadline) {
                throw new IOException("the router did not apply " + events + " events within " + DEADLINE);
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
        double router = events / ((System.nanoTime() - start) / 1e9);
        double raw = read(kafka, from, events);
        System.out.printf(Locale.ROOT, "projection: %.0f events/s applied and stored (raw consumer %.0f/s)%n", router,
                raw);
        return List.of(Figure.atLeast("live projection: events applied and stored with offsets by the router ("
                + events + " events)", router, "per s", raw, "raw consumer, same records", router / raw, 0.3));
    }

    /** Logins and routable first, then ready and not ready in turn, each event for one of the agents. */
    private static void write(KafkaClients kafka, int events) {
        Instant at = Instant.now();
        try (KafkaProducer<String, String> producer = kafka.producer("bench-projection",
                Map.of(ProducerConfig.LINGER_MS_CONFIG, 5), new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < events; i++) {
                int agent = FIRST_AGENT + i % AGENTS;
                int round = i / AGENTS;
                ArmMessage message;
                ArmFields fields;
                if (round == 0) {
                    message = ArmMessage.MEDIA_LOGIN_REQ;
                    fields = ArmFields.mediaLogin(0, false, 2, Integer.toString(agent));
                } else if (round == 1) {
                    message = ArmMessage.MAKE_AGENT_ROUTABLE_IND;
                    fields = ArmFields.maxTasks(2);
                } else if (round % 2 == 0) {
                    message = ArmMessage.MAKE_AGENT_READY_IND;
                    fields = ArmFields.makeRoutable(true);
                } else {
                    message = ArmMessage.MAKE_AGENT_NOT_READY_REQ;
                    fields = ArmFields.reasonCode(5);
                }
                ArmEvent event = new ArmEvent(ArmEvent.SCHEMA_VERSION, UUID.randomUUID(), message, message.type(),
                        at.plusMillis(i), i, MRD, agent, fields, "benchmark");
                producer.send(new ProducerRecord<>(Topics.AGENT_EVENTS, event.key(), ArmEventJson.write(event)));
            }
            producer.flush();
        }
    }

    private static Map<TopicPartition, Long> endOffsets(KafkaClients kafka) {
        try (KafkaConsumer<String, String> reader = kafka.reader("bench-projection-ends", DEADLINE)) {
            return reader.endOffsets(TopicReader.partitions(reader, Topics.AGENT_EVENTS, DEADLINE, false));
        }
    }

    /** A raw consumer reading from {@code from} until it has seen {@code events} records: records per second. */
    private static double read(KafkaClients kafka, Map<TopicPartition, Long> from, int events) throws IOException {
        try (KafkaConsumer<String, String> reader = kafka.reader("bench-projection-raw", DEADLINE)) {
            reader.assign(from.keySet());
            from.forEach(reader::seek);
            long start = System.nanoTime();
            long deadline = start + DEADLINE.toNanos();
            long seen = 0;
            while (seen < events) {
                seen += reader.poll(Duration.ofMillis(100)).count();
                if (System.nanoTime() > deadline) {
                    throw new IOException("the raw consumer read " + seen + " of " + events + " records");
                }
            }
            return seen / ((System.nanoTime() - start) / 1e9);
        }
    }
}
