package dev.agentavailability.infra;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class NothingOutlivesTheJvmTest {

    @Test
    void brokerAndPostgresStopWhenTheirJvmIsKilled() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process probe = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                OrphanProbe.class.getName()))
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(probe.getInputStream(), StandardCharsets.UTF_8));
            CompletableFuture<String> ready = CompletableFuture.supplyAsync(() -> {
                try {
                    String line;
                    while ((line = out.readLine()) != null) {
                        if (line.startsWith("READY ")) {
                            return line;
                        }
                    }
                    return null;
                } catch (Exception e) {
                    return null;
                }
            });
            String line = ready.get(90, TimeUnit.SECONDS);
            assertNotNull(line, "probe JVM did not start the servers");
            String[] parts = line.split(" ");
            long brokerPid = Long.parseLong(parts[1]);
            long postmasterPid = Long.parseLong(parts[2]);
            Path brokerWorkDir = Path.of(parts[3]);
            assertTrue(postmasterPid > 0, "postmaster pid known");

            Optional<ProcessHandle> broker = ProcessHandle.of(brokerPid);
            Optional<ProcessHandle> postmaster = ProcessHandle.of(postmasterPid);
            assertTrue(broker.isPresent() && postmaster.isPresent(), "both running");

            probe.destroyForcibly(); // SIGKILL: no shutdown hooks run
            probe.waitFor(30, TimeUnit.SECONDS);

            broker.get().onExit().get(30, TimeUnit.SECONDS);
            postmaster.get().onExit().get(30, TimeUnit.SECONDS);
            assertFalse(broker.get().isAlive());
            assertFalse(postmaster.get().isAlive());
            assertFalse(Files.exists(brokerWorkDir), "the orphaned broker deleted its temporary work dir");
        } finally {
            probe.destroyForcibly();
        }
    }
}
