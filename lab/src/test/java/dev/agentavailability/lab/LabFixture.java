package dev.agentavailability.lab;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/** Starts a lab on free ports in a temporary folder, from the services built in this checkout. */
final class LabFixture {

    private LabFixture() {
    }

    /** The checkout: the lab module's parent folder. */
    static final Path REPO_ROOT = Path.of("").toAbsolutePath().getParent();

    static Lab start(int partitions) throws IOException, InterruptedException {
        return start(partitions, null);
    }

    /** A lab whose services reach Kafka as the KafkaUsers of {@code kafkaUsers} (see {@link Lab.Options}). */
    static Lab start(int partitions, Path kafkaUsers) throws IOException, InterruptedException {
        Path work = Files.createTempDirectory("availability-lab-");
        return Lab.start(new Lab.Options(REPO_ROOT, work, new int[] {freePort(), freePort(), freePort()}, partitions,
                true, kafkaUsers));
    }

    /** The sum of the router's next offsets over the partitions it holds: how far its projection has got. */
    static long appliedOffsets(Lab lab) throws IOException, InterruptedException {
        long sum = 0;
        for (com.fasterxml.jackson.databind.JsonNode partition : dev.agentavailability.contract.ContractJson.mapper()
                .readTree(lab.send("GET", lab.router().url() + "/projection", null, null))) {
            sum += partition.get("nextOffset").asLong();
        }
        return sum;
    }

    /**
     * A port free now, below Linux's ephemeral range (32768 and up): a port the kernel hands out for {@code new
     * ServerSocket(0)} comes from the same range as the local ports of outgoing connections, so while the broker and
     * the database start, a client connection could take it before the service binds it ("port in use").
     */
    static int freePort() throws IOException {
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = 20_000 + RANDOM.nextInt(12_000);
            try (ServerSocket socket = new ServerSocket(port)) {
                return socket.getLocalPort();
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IOException("no free port found between 20000 and 32000");
    }

    private static final java.util.Random RANDOM = new java.util.Random();
}
