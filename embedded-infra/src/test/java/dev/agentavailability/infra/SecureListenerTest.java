package dev.agentavailability.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import dev.agentavailability.kafka.KafkaClients;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The SASL_SSL listener as production has it: a SCRAM user with an ACL writes and reads its topic over TLS; a wrong
 * password, a client that does not trust the certificate and a topic the user has no ACL for are each refused.
 */
class SecureListenerTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String TOPIC = "secure-listener-test";
    private static final String OTHER_TOPIC = "secure-listener-test-no-acl";
    private static EmbeddedKafka kafka;

    @BeforeAll
    static void start() throws Exception {
        kafka = EmbeddedKafka.start(EmbeddedKafka.Options.defaults().withFastStartup(true).withSecureListener(true)
                .withAclAuthorizer(true));
        kafka.addScramUser("alice", "alice-test-password");
        try (Admin admin = KafkaClients.bootstrap(kafka.bootstrapServers()).admin("secure-listener-test", TIMEOUT)) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1), new NewTopic(OTHER_TOPIC, 1, (short) 1)))
                    .all().get(30, TimeUnit.SECONDS);
            ResourcePattern topic = new ResourcePattern(ResourceType.TOPIC, TOPIC, PatternType.LITERAL);
            admin.createAcls(List.of(AclOperation.WRITE, AclOperation.READ, AclOperation.DESCRIBE).stream()
                    .map(operation -> new AclBinding(topic, new AccessControlEntry("User:alice", "*", operation,
                            AclPermissionType.ALLOW)))
                    .toList()).all().get(30, TimeUnit.SECONDS);
        }
    }

    @AfterAll
    static void stop() {
        kafka.close();
    }

    @Test
    void aUserWithAnAclWritesAndReadsItsTopicOverTls() throws Exception {
        KafkaClients alice = secure("alice", "alice-test-password");
        long offset;
        try (KafkaProducer<String, String> producer = alice.producer("alice", Map.of(), new StringSerializer(),
                new StringSerializer())) {
            // the ACL may reach the broker a moment after createAcls returns
            offset = retryWhileUnauthorized(() -> producer.send(new ProducerRecord<>(TOPIC, "6420", "ready"))
                    .get(30, TimeUnit.SECONDS).offset());
        }
        try (KafkaConsumer<String, String> reader = alice.reader("alice-reader", TIMEOUT)) {
            TopicPartition partition = new TopicPartition(TOPIC, 0);
            reader.assign(List.of(partition));
            reader.seek(partition, offset);
            assertEquals("ready", reader.poll(TIMEOUT).iterator().next().value());
        }
    }

    @Test
    void aWrongPasswordIsRefused() {
        try (Admin admin = secure("alice", "not-her-password").admin("wrong-password", Duration.ofSeconds(10))) {
            ExecutionException refused = assertThrows(ExecutionException.class,
                    () -> admin.describeCluster().nodes().get(20, TimeUnit.SECONDS));
            assertInstanceOf(SaslAuthenticationException.class, refused.getCause());
        }
    }

    @Test
    void aClientThatDoesNotTrustTheCertificateIsRefused() {
        Map<String, Object> properties = new HashMap<>(kafka.secureListener().clientProperties("alice",
                "alice-test-password"));
        properties.remove("ssl.truststore.location");
        properties.remove("ssl.truststore.password");
        properties.remove("ssl.truststore.type");
        try (Admin admin = KafkaClients.of(properties).admin("no-truststore", Duration.ofSeconds(10))) {
            ExecutionException refused = assertThrows(ExecutionException.class,
                    () -> admin.describeCluster().nodes().get(20, TimeUnit.SECONDS));
            assertInstanceOf(SslAuthenticationException.class, refused.getCause());
        }
    }

    @Test
    void aTopicWithoutAnAclIsRefused() {
        try (KafkaProducer<String, String> producer = secure("alice", "alice-test-password").producer("alice-other",
                Map.of("max.block.ms", 10_000), new StringSerializer(), new StringSerializer())) {
            ExecutionException refused = assertThrows(ExecutionException.class,
                    () -> producer.send(new ProducerRecord<>(OTHER_TOPIC, "6420", "ready")).get(30, TimeUnit.SECONDS));
            assertInstanceOf(TopicAuthorizationException.class, refused.getCause());
        }
    }

    private static KafkaClients secure(String user, String password) {
        return KafkaClients.of(kafka.secureListener().clientProperties(user, password));
    }

    private interface KafkaCall<T> {
        T call() throws Exception;
    }

    private static <T> T retryWhileUnauthorized(KafkaCall<T> call) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            try {
                return call.call();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicAuthorizationException) || System.nanoTime() > deadline) {
                    throw e;
                }
            }
        }
    }
}
