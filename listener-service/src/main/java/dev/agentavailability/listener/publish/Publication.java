package dev.agentavailability.listener.publish;

/** Where Kafka stored an event it acknowledged. */
public record Publication(String topic, int partition, long offset) {
}
