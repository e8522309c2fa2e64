package dev.agentavailability.lab;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/** Starts a lab on free ports in a temporary folder, from the services built in this checkout. */
final class LabFixture {

    private LabFixture() {
    }

    static Lab start(int partitions) throws IOException, InterruptedException {
        Path repoRoot = Path.of("").toAbsolutePath().getParent();
        Path work = Files.createTempDirectory("availability-lab-");
        return Lab.start(new Lab.Options(repoRoot, work, new int[] {freePort(), freePort(), freePort()}, partitions,
                true));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
