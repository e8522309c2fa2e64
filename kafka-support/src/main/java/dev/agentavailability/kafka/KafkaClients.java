package dev.agentavailability.kafka;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Makes every plain Kafka client of the project (producers, consumers, admin clients) from one set of client
 * properties: in a service the same {@code kafka.*} properties its messaging channels get, in availctl the
 * {@code --command-config} file. So one {@code security.protocol}, {@code sasl.*} or {@code ssl.*} setting reaches
 * every client, and the settings each role needs are written here once.
 *
 * <p>A client gets the common properties, then its role's defaults, then the caller's overrides, then its client id.
 * A common property that only another kind of client knows (a consumer's {@code group.id} for a producer) is left
 * out, so that Kafka does not warn about it; properties no kind of client knows pass to every client, since
 * plug-ins (SASL callback handlers, metric reporters, interceptors) read their own settings from there.
 */
public final class KafkaClients {

    private static final Set<String> PRODUCER_KEYS = ProducerConfig.configNames();
    private static final Set<String> CONSUMER_KEYS = ConsumerConfig.configNames();
    private static final Set<String> ADMIN_KEYS = AdminClientConfig.configNames();

    private final Map<String, Object> common;

    private KafkaClients(Map<String, Object> common) {
        this.common = Collections.unmodifiableMap(common);
    }

    /** Clients with these common properties; {@code bootstrap.servers} must be among them. */
    public static KafkaClients of(Map<String, ?> common) {
        Map<String, Object> copy = new HashMap<>(common);
        Object servers = copy.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG);
        if (servers == null || servers.toString().isBlank()) {
            throw new IllegalArgumentException("Kafka client properties lack bootstrap.servers");
        }
        return new KafkaClients(copy);
    }

    /** Clients with nothing but the bootstrap servers in common (tests, the lab, the benchmark). */
    public static KafkaClients bootstrap(String bootstrapServers) {
        return of(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    /**
     * The properties of a Kafka client properties file, as Kafka's own tools take it with {@code --command-config}.
     *
     * @throws IllegalArgumentException naming the file when it does not exist or cannot be read
     */
    public static Map<String, Object> properties(Path file) {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("Kafka client properties file " + file + " does not exist");
        } catch (IOException | IllegalArgumentException e) {
            // Properties.load throws IllegalArgumentException for a malformed unicode escape
            throw new IllegalArgumentException("cannot read Kafka client properties file " + file + ": "
                    + e.getMessage());
        }
        Map<String, Object> common = new HashMap<>();
        properties.stringPropertyNames().forEach(name -> common.put(name, properties.getProperty(name).strip()));
        return common;
    }

    /** These clients with one more common property. */
    public KafkaClients with(String key, Object value) {
        Map<String, Object> copy = new HashMap<>(common);
        copy.put(key, value);
        return new KafkaClients(copy);
    }

    public String bootstrapServers() {
        return common.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG).toString();
    }

    /** The common properties, as given. */
    public Map<String, Object> common() {
        return common;
    }

    // ---- producers

    /**
     * A producer's full configuration: acks=all and idempotent by default, because every record this project
     * writes is one somebody relies on; {@code overrides} may change that (the benchmark's bulk load does).
     */
    public Map<String, Object> producerConfig(String clientId, Map<String, ?> overrides) {
        Map<String, Object> config = commonFor(PRODUCER_KEYS);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.putAll(overrides);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId(clientId));
        return config;
    }

    public <K, V> KafkaProducer<K, V> producer(String clientId, Map<String, ?> overrides, Serializer<K> keys,
            Serializer<V> values) {
        return new KafkaProducer<>(producerConfig(clientId, overrides), keys, values);
    }

    /**
     * A producer of text records whose every send is awaited for at most {@code wait} (see
     * {@link AcknowledgedProducer}).
     */
    public AcknowledgedProducer acknowledgedProducer(String clientId, Duration wait) {
        return new AcknowledgedProducer(producer(clientId, acknowledgedSettings(wait), new StringSerializer(),
                new StringSerializer()), wait);
    }

    /**
     * Producer settings for a caller that waits {@code wait} for each acknowledgement. Kafka gives up on a record
     * well before the caller stops waiting, so that the caller nearly always learns the outcome:
     * delivery.timeout.ms >= request.timeout.ms + linger.ms, both under the wait.
     */
    public static Map<String, Object> acknowledgedSettings(Duration wait) {
        long deliveryMs = Math.max(2_000, wait.toMillis() / 2);
        return Map.of(
                ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.max(1_000, deliveryMs - 500),
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) deliveryMs,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, deliveryMs);
    }

    // ---- consumers

    /**
     * A reader's full configuration: assigned partitions only, no group, nothing committed, so that no live
     * consumer group notices it, and no topic created by reading it; Kafka calls give up after {@code timeout}.
     */
    public Map<String, Object> readerConfig(String clientId, Duration timeout, Map<String, ?> overrides) {
        Map<String, Object> config = commonFor(CONSUMER_KEYS);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        config.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(timeout.toMillis(), 30_000));
        config.putAll(overrides);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId(clientId));
        return config;
    }

    public <K, V> KafkaConsumer<K, V> reader(String clientId, Duration timeout, Map<String, ?> overrides,
            Deserializer<K> keys, Deserializer<V> values) {
        return new KafkaConsumer<>(readerConfig(clientId, timeout, overrides), keys, values);
    }

    /** A reader of text records with no overrides. */
    public KafkaConsumer<String, String> reader(String clientId, Duration timeout) {
        return reader(clientId, timeout, Map.of(), new StringDeserializer(), new StringDeserializer());
    }

    // ---- admin clients

    public Map<String, Object> adminConfig(String clientId, Duration timeout) {
        Map<String, Object> config = commonFor(ADMIN_KEYS);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(timeout.toMillis(), 30_000));
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, clientId(clientId));
        return config;
    }

    public Admin admin(String clientId, Duration timeout) {
        return Admin.create(adminConfig(clientId, timeout));
    }

    // ----

    /** The common properties this kind of client knows, and those no kind of client knows. */
    private Map<String, Object> commonFor(Set<String> known) {
        Map<String, Object> config = new HashMap<>();
        common.forEach((key, value) -> {
            boolean otherKind = PRODUCER_KEYS.contains(key) || CONSUMER_KEYS.contains(key) || ADMIN_KEYS.contains(key);
            if (known.contains(key) || !otherKind) {
                config.put(key, value);
            }
        });
        return config;
    }

    /** A common {@code client.id} is a prefix: it tells one deployment's clients from another's at the broker. */
    private String clientId(String name) {
        Object prefix = common.get(CommonClientConfigs.CLIENT_ID_CONFIG);
        return prefix == null || prefix.toString().isBlank() ? name : prefix + "-" + name;
    }
}
