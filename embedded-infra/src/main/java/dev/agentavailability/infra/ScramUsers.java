package dev.agentavailability.infra;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;

/**
 * SCRAM users of the secure listener, added over the PLAINTEXT listener with the Admin API (as
 * {@code kafka-configs.sh --alter --add-config SCRAM-SHA-512=...} does), so that they need no storage format.
 */
final class ScramUsers {

    /** Kafka's default, and Strimzi's. */
    private static final int ITERATIONS = 4096;
    private static final long TIMEOUT_MS = 30_000;

    private ScramUsers() {
    }

    static void upsert(EmbeddedKafka kafka, String user, String password) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(user,
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, ITERATIONS), password)))
                    .all().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
            awaitKnown(admin, user);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not add the SCRAM user " + user + " to " + kafka, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while adding the SCRAM user " + user, e);
        }
    }

    /** The controller has the credential; the broker answers describe from the metadata it applied. */
    private static void awaitKnown(Admin admin, String user) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TIMEOUT_MS);
        while (System.nanoTime() < deadline) {
            try {
                if (!admin.describeUserScramCredentials(List.of(user)).all().get(TIMEOUT_MS, TimeUnit.MILLISECONDS)
                        .get(user).credentialInfos().isEmpty()) {
                    return;
                }
            } catch (ExecutionException notYet) {
                // ResourceNotFoundException until the broker has applied the change
            }
            Thread.sleep(50);
        }
        throw new TimeoutException("the broker did not learn of SCRAM user " + user + " within " + TIMEOUT_MS + " ms");
    }
}
