package dev.agentavailability.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A lab whose port is held by another process (another lab, say) refuses to start, naming the port and the
 * holder, before it starts anything: it must not report "up" on the other lab's health checks.
 */
class LabPortTest {

    @Test
    void aTakenPortStopsTheLabBeforeAnythingStartsAndNamesThePortAndItsHolder() throws Exception {
        Path work = Files.createTempDirectory("availability-lab-port-");
        try (ServerSocket other = new ServerSocket()) {
            other.bind(new InetSocketAddress(LabFixture.freePort()));
            int taken = other.getLocalPort();

            var refusal = assertThatThrownBy(() -> Lab.start(new Lab.Options(LabFixture.REPO_ROOT, work,
                    new int[] {LabFixture.freePort(), taken, LabFixture.freePort()}, 3, false)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("port " + taken + " for router-service is taken");
            if (ssIsInstalled()) {
                refusal.hasMessageContaining("(pid " + ProcessHandle.current().pid() + ")");
            }
        }
        assertThat(work.resolve("kafka")).as("Kafka never started").doesNotExist();
    }

    /** iproute2's ss names the holder; without it the message names only the port. */
    private static boolean ssIsInstalled() {
        return java.util.stream.Stream.of(System.getenv("PATH").split(":"))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, "ss")));
    }
}
