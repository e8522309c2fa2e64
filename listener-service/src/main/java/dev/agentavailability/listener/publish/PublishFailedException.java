package dev.agentavailability.listener.publish;

/** Kafka did not acknowledge an event; it may or may not have been written (see the caller's handling). */
public class PublishFailedException extends RuntimeException {

    public PublishFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
