package dev.agentavailability.listener.assignment;

import dev.agentavailability.contract.chat.ChatEvent;
import dev.agentavailability.contract.chat.ChatEventJson;
import dev.agentavailability.kafka.AcknowledgedProducer;
import dev.agentavailability.kafka.KafkaClients;
import dev.agentavailability.listener.ListenerSettings;
import dev.agentavailability.listener.ListenerTopics;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

/** Publishes OFFERED and ASSIGNMENT_FAILED to the chat-event topic, keyed by entry point id, acks=all. */
@Singleton
public class ChatEventPublisher {

    private final String topic;
    private final AcknowledgedProducer producer;

    public ChatEventPublisher(KafkaClients kafka, ListenerTopics topics, ListenerSettings settings) {
        this.topic = topics.chatEvents();
        this.producer = kafka.acknowledgedProducer(ListenerSettings.SOURCE + "-chat", settings.publishTimeout());
    }

    /** Sends and waits for Kafka's acknowledgement; throws when it does not come. */
    public void publish(ChatEvent event) {
        try {
            producer.send(topic, event.key(), ChatEventJson.write(event));
        } catch (AcknowledgedProducer.NotAcknowledged e) {
            throw new IllegalStateException(event.type() + " of chat " + event.chatId() + " not published: "
                    + e.getMessage(), e);
        }
    }

    @PreDestroy
    void close() {
        producer.close();
    }
}
