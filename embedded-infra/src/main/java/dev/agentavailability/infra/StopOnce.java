package dev.agentavailability.infra;

/**
 * Runs a server's stop action once: when its owner closes it or, if the JVM exits first, from a shutdown hook
 * (removed again on close).
 */
final class StopOnce {

    private final Runnable stop;
    private final Thread shutdownHook;
    private volatile boolean stopped;

    StopOnce(String hookName, Runnable stop) {
        this.stop = stop;
        this.shutdownHook = InfraSupport.addShutdownHook(hookName, this::run);
    }

    void close() {
        InfraSupport.removeShutdownHook(shutdownHook);
        run();
    }

    boolean stopped() {
        return stopped;
    }

    private synchronized void run() {
        if (stopped) {
            return;
        }
        stopped = true;
        stop.run();
    }
}
