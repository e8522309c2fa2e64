package dev.agentavailability.listener.publish;

/** Kafka did not acknowledge an event; it may or may not have been written (see the caller's handling). */
public class PublishFailedException extends RuntimeException {

    private final boolean maybeStored;

    public PublishFailedException(String message, Throwable cause, boolean maybeStored) {
        super(message, cause);
        this.maybeStored = maybeStored;
    }

    /** Whether the event may be on the topic all the same (a timeout), or surely is not (Kafka never took it). */
    public boolean maybeStored() {
        return maybeStored;
    }
}
