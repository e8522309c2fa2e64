package dev.agentavailability.infra;

/** Run in a child JVM by {@link NothingOutlivesTheJvmTest}: starts both servers, prints their pids, waits. */
public final class OrphanProbe {

    private OrphanProbe() {
    }

    public static void main(String[] args) throws Exception {
        EmbeddedKafka kafka = EmbeddedKafka.start(EmbeddedKafka.Options.defaults().withFastStartup(true));
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start();
        System.out.println("READY " + kafka.pid() + " " + postgres.pid() + " " + kafka.workDir());
        System.out.flush();
        // blocks until the test kills this JVM
        while (System.in.read() >= 0) {
            // nothing
        }
    }
}
