package dev.agentavailability.testsupport;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import io.quarkus.test.junit.QuarkusTestProfile;

import org.apache.kafka.common.metrics.KafkaMetric;
import org.apache.kafka.common.metrics.MetricsReporter;

/**
 * Proves that a set of Kafka client properties reached every Kafka client of a JVM: give the clients
 * {@code metric.reporters=}{@link Reporter} and a marker value of {@value #MARKER}, then compare
 * {@link #configured()} (what each client's reporter was configured with) against {@link #liveClientIds()} (every
 * producer, consumer and admin client Kafka has registered in this JVM and not closed yet).
 *
 * <p>What a reporter saw is kept in system properties, so that it holds across class loaders (Quarkus loads the
 * application's classes, and so the reporter, in a class loader of its own).
 */
public final class KafkaClientAudit {

    /**
     * The client property whose value a test looks for on every client: one every kind of client knows and that
     * changes nothing a test sees (Quarkus' own health-check admin client drops properties it does not know).
     */
    public static final String MARKER = "metrics.sample.window.ms";
    private static final String SEEN = "dev.agentavailability.testsupport.kafka-client.";
    private static final List<String> CLIENT_DOMAINS = List.of("kafka.producer", "kafka.consumer", "kafka.admin.client");

    private KafkaClientAudit() {
    }

    /** Configured by Kafka once per client it makes with {@code metric.reporters} naming this class. */
    public static final class Reporter implements MetricsReporter {

        @Override
        public void configure(Map<String, ?> configs) {
            Object clientId = configs.get("client.id");
            Object marker = configs.get(MARKER);
            System.setProperty(SEEN + clientId, marker == null ? "" : marker.toString());
        }

        @Override
        public void init(List<KafkaMetric> metrics) {
        }

        @Override
        public void metricChange(KafkaMetric metric) {
        }

        @Override
        public void metricRemoval(KafkaMetric metric) {
        }

        @Override
        public void close() {
        }
    }

    /** Client id → the marker its reporter was configured with, for every client made since the JVM started. */
    public static Map<String, String> configured() {
        Map<String, String> seen = new TreeMap<>();
        System.getProperties().stringPropertyNames().stream().filter(name -> name.startsWith(SEEN))
                .forEach(name -> seen.put(name.substring(SEEN.length()), System.getProperty(name)));
        return seen;
    }

    /** The client ids of every producer, consumer and admin client open in this JVM (Kafka's app-info MBeans). */
    public static Set<String> liveClientIds() {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        Set<String> ids = new TreeSet<>();
        try {
            for (String domain : CLIENT_DOMAINS) {
                for (ObjectName name : server.queryNames(new ObjectName(domain + ":type=app-info,*"), null)) {
                    // AppInfoParser registers each client as <domain>:type=app-info,id=<client id>
                    String id = name.getKeyProperty("id");
                    if (id != null) {
                        ids.add(id);
                    }
                }
            }
        } catch (javax.management.MalformedObjectNameException e) {
            throw new IllegalStateException(e);
        }
        return ids;
    }

    /** The client properties that make a client report to this audit with {@code marker} (milliseconds). */
    public static Map<String, String> clientProperties(int marker) {
        return Map.of("metric.reporters", Reporter.class.getName(), MARKER, Integer.toString(marker));
    }

    /**
     * The marker a service's {@link Audited} profile gives its clients (each module's tests run in a JVM of their
     * own, so one value serves every service).
     */
    public static final int SERVICE_MARKER = 29_001;

    /** A Quarkus test profile that gives every Kafka client of the service the audit's properties. */
    public static class Audited implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> overrides = new HashMap<>();
            clientProperties(SERVICE_MARKER).forEach((key, value) -> overrides.put("kafka." + key, value));
            return overrides;
        }
    }

    /** The clients open in this JVM that were not configured with {@code marker}: none when it reached them all. */
    public static Set<String> liveClientsWithout(int marker) {
        Map<String, String> seen = configured();
        Set<String> without = new TreeSet<>(liveClientIds());
        without.removeIf(id -> Integer.toString(marker).equals(seen.get(id)));
        return without;
    }
}
