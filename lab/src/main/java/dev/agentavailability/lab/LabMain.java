package dev.agentavailability.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.CountDownLatch;

/** Runs the local lab until Ctrl-C. Ports and the work folder can be changed with system properties. */
public final class LabMain {

    private LabMain() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("lab.root", ".")).toAbsolutePath().normalize();
        Path work = Path.of(System.getProperty("lab.dir", root.resolve(".lab").toString()));
        int[] ports = {Integer.getInteger("lab.listener.port", 8081), Integer.getInteger("lab.router.port", 8082),
                Integer.getInteger("lab.entrypoint.port", 8083)};
        deleteRecursively(work);
        System.out.println("Starting Kafka, PostgreSQL and the three services (logs in " + work.resolve("logs") + ") ...");
        Lab lab = Lab.start(new Lab.Options(root, work, ports, Integer.getInteger("lab.partitions", 6), true));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping the lab ...");
            lab.close();
            stopped.countDown();
        }, "lab-shutdown"));
        System.out.printf("""

                Agent availability lab is up (Ctrl-C stops everything).
                  Kafka bootstrap     %s
                  listener-service    %s   (agent actions: POST /agents/{id}/mrds/{mrd}/login ...)
                  router-service      %s   (GET /agents/6420/status, /config, /projection)
                  entrypoint-service  %s   (GET /system/egain/chat/entrypoint/initialize/1001)
                  health              /q/health on each service
                  logs                %s
                %n""", lab.bootstrapServers(), lab.listener().url(), lab.router().url(), lab.entrypoint().url(),
                work.resolve("logs"));
        stopped.await();
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
