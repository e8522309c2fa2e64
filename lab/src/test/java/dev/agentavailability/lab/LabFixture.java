package dev.agentavailability.lab;

import java.io.IOException;
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

    /** See {@link Lab#appliedOffsets()}. */
    static long appliedOffsets(Lab lab) throws IOException, InterruptedException {
        return lab.appliedOffsets();
    }

    /** See {@link Lab#freePort()}. */
    static int freePort() throws IOException {
        return Lab.freePort();
    }
}
