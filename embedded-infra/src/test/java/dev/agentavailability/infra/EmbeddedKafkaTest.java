package dev.agentavailability.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import dev.agentavailability.kafka.KafkaClients;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaTest {

    @Test
    void producesAndConsumesThroughARealBroker() throws Exception {
        Path workDir;
        long pid;
        try (EmbeddedKafka kafka = EmbeddedKafka.start(EmbeddedKafka.Options.defaults().withPartitions(3).withFastStartup(true))) {
            workDir = kafka.workDir();
            pid = kafka.pid();
            assertTrue(kafka.isRunning());
            assertTrue(Files.isRegularFile(kafka.logFile()), "broker logs to a file in its work dir");
            assertTrue(ProcessHandle.current().pid() != pid, "the broker runs in its own JVM");

            String topic = "embedded-kafka-test";
            try (Admin admin = clients(kafka).admin("embedded-kafka-test", TIMEOUT)) {
                admin.createTopics(List.of(new NewTopic(topic, Optional.empty(), Optional.empty())))
                        .all().get(30, TimeUnit.SECONDS);
                int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS)
                        .get(topic).partitions().size();
                assertEquals(3, partitions, "num.partitions from the options");
            }

            RecordMetadata sent;
            try (KafkaProducer<String, String> producer = clients(kafka).producer("embedded-kafka-test", Map.of(),
                    new StringSerializer(), new StringSerializer())) {
                sent = producer.send(new ProducerRecord<>(topic, "agent-1", "available")).get(30, TimeUnit.SECONDS);
            }

            TopicPartition partition = new TopicPartition(topic, sent.partition());
            List<ConsumerRecord<String, String>> received = new ArrayList<>();
            try (KafkaConsumer<String, String> consumer = clients(kafka).reader("embedded-kafka-test", TIMEOUT)) {
                consumer.assign(Set.of(partition));
                consumer.seekToBeginning(Set.of(partition));
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (received.isEmpty() && System.nanoTime() < deadline) {
                    consumer.poll(Duration.ofMillis(500)).forEach(received::add);
                }
            }
            assertEquals(1, received.size());
            assertEquals("agent-1", received.get(0).key());
            assertEquals("available", received.get(0).value());
            assertEquals(sent.offset(), received.get(0).offset());
        }
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "broker process stopped");
        assertFalse(Files.exists(workDir), "temporary work dir deleted");
    }

    @Test
    void keepsTopicsAcrossRestartsInAGivenWorkDir(@TempDir Path dir) throws Exception {
        EmbeddedKafka.Options options = EmbeddedKafka.Options.defaults().withFastStartup(true)
                .withWorkDir(dir).withKeepData(true);
        String topic = "kept-topic";
        try (EmbeddedKafka kafka = EmbeddedKafka.start(options);
             Admin admin = clients(kafka).admin("embedded-kafka-test", TIMEOUT)) {
            admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        assertTrue(Files.exists(dir.resolve("data").resolve("meta.properties")), "data kept");
        // second start on the same dir (other free ports): the topic is still there
        try (EmbeddedKafka kafka = EmbeddedKafka.start(options);
             Admin admin = clients(kafka).admin("embedded-kafka-test", TIMEOUT)) {
            assertTrue(admin.listTopics().names().get(30, TimeUnit.SECONDS).contains(topic));
        }
        assertTrue(Files.exists(dir.resolve("data").resolve("meta.properties")), "data still kept");
        assertTrue(Files.isRegularFile(dir.resolve("broker.log")), "log kept in a given work dir");
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static KafkaClients clients(EmbeddedKafka kafka) {
        return KafkaClients.bootstrap(kafka.bootstrapServers());
    }
}
