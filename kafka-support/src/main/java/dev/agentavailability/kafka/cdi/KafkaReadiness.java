package dev.agentavailability.kafka.cdi;

import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Node;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import dev.agentavailability.kafka.KafkaClients;
import io.quarkus.arc.properties.IfBuildProperty;

/**
 * Whether Kafka answers, within a second. Quarkus' own Kafka check waits as long as the admin client's default
 * API timeout (60 s), so a frozen broker made readiness hang instead of saying DOWN. On in the services that
 * need Kafka for every answer ({@code availability.health.kafka=true}: listener, router); the entry point
 * service answers from memory while Kafka is away, so Kafka is not part of its readiness.
 */
@Readiness
@ApplicationScoped
@IfBuildProperty(name = "availability.health.kafka", stringValue = "true")
public class KafkaReadiness implements HealthCheck {

    static final Duration BUDGET = Duration.ofSeconds(1);

    private final KafkaClients kafka;
    private Admin admin;

    KafkaReadiness(KafkaClients kafka) {
        this.kafka = kafka;
    }

    @Override
    public HealthCheckResponse call() {
        try {
            Collection<Node> nodes = admin().describeCluster(new DescribeClusterOptions()
                    .timeoutMs((int) BUDGET.toMillis())).nodes().get(BUDGET.toMillis() + 200, TimeUnit.MILLISECONDS);
            return HealthCheckResponse.named("kafka").up().withData("nodes", nodes.stream()
                    .map(node -> node.host() + ":" + node.port()).collect(Collectors.joining(","))).build();
        } catch (TimeoutException slow) {
            return down("Kafka at " + kafka.bootstrapServers() + " did not answer within " + BUDGET.toMillis() + " ms");
        } catch (ExecutionException failed) {
            return down("Kafka at " + kafka.bootstrapServers() + ": " + failed.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return down("interrupted");
        }
    }

    private synchronized Admin admin() {
        if (admin == null) {
            admin = kafka.admin("readiness", Duration.ofSeconds(5));
        }
        return admin;
    }

    private static HealthCheckResponse down(String why) {
        return HealthCheckResponse.named("kafka").down().withData("notReadyBecause", why).build();
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
        }
    }
}
