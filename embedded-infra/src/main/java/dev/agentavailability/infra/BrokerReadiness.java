package dev.agentavailability.infra;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/**
 * Waits for a starting broker to be ready: first its client port accepts connections, then it answers an Admin
 * {@code describeCluster} with a node. A broker process that ends first fails the wait at once, with the tail of its
 * logs; one that ended because its port was taken fails with {@link PortTakenException}, so that another port can be
 * tried.
 */
record BrokerReadiness(EmbeddedKafka kafka, Process process) {

    private String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    void awaitReady(long deadline, Duration timeout) {
        // 1. the client port accepts connections (avoids a storm of AdminClient connection warnings)
        while (!canConnect()) {
            checkAlive();
            if (System.nanoTime() - deadline > 0) {
                throw notReady("its port " + kafka.port() + " did not accept connections within " + timeout, null);
            }
            waitForProcess(100);
        }
        // 2. the broker answers a describeCluster with at least one node
        Exception last = null;
        while (true) {
            checkAlive();
            long remainingMs = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (remainingMs <= 0) {
                throw notReady("it did not answer describeCluster within " + timeout, last);
            }
            try (Admin admin = Admin.create(adminConfig(remainingMs))) {
                int timeoutMs = (int) Math.min(remainingMs, Integer.MAX_VALUE);
                if (!admin.describeCluster(new DescribeClusterOptions().timeoutMs(timeoutMs))
                        .nodes().get(remainingMs, TimeUnit.MILLISECONDS).isEmpty()) {
                    return;
                }
            } catch (ExecutionException e) {
                last = e.getCause() instanceof Exception ? (Exception) e.getCause() : e;
            } catch (TimeoutException | RuntimeException e) {
                last = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw notReady("interrupted while waiting for it", e);
            }
            waitForProcess(200);
        }
    }

    private Map<String, Object> adminConfig(long remainingMs) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "embedded-kafka-readiness");
        int requestTimeout = (int) Math.max(1000, Math.min(remainingMs, 10_000));
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, requestTimeout);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, requestTimeout);
        config.put(AdminClientConfig.RETRY_BACKOFF_MS_CONFIG, 100);
        config.put(AdminClientConfig.RECONNECT_BACKOFF_MS_CONFIG, 50);
        config.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500);
        return config;
    }

    private boolean canConnect() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), kafka.port()), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Waits up to {@code millis}, returning early if the broker process ends. */
    private void waitForProcess(long millis) {
        try {
            process.waitFor(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw notReady("interrupted while waiting for it", e);
        }
    }

    private void checkAlive() {
        if (!process.isAlive()) {
            String tail = kafka.logTail(60);
            String message = "Kafka broker process exited with code " + process.exitValue()
                    + " before it was ready (" + bootstrapServers() + ", work dir " + kafka.workDir() + ")\n" + tail;
            if (tail.contains("Address already in use") || tail.contains("BindException")) {
                throw new PortTakenException(message);
            }
            throw new IllegalStateException(message);
        }
    }

    private IllegalStateException notReady(String why, Exception cause) {
        return new IllegalStateException("Kafka broker " + bootstrapServers() + " (pid " + process.pid()
                + ", work dir " + kafka.workDir() + ") not ready: " + why + "\n" + kafka.logTail(60), cause);
    }

    /** A start failure caused by a port someone else took. */
    static final class PortTakenException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        PortTakenException(String message) {
            super(message);
        }
    }
}
