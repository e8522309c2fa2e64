package dev.agentavailability.kafka.cdi;

import java.util.Map;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.smallrye.common.annotation.Identifier;

import dev.agentavailability.kafka.KafkaClients;

/**
 * In a Quarkus service: the service's {@link KafkaClients}, made from {@code default-kafka-broker}, the map of every
 * {@code kafka.*} property (and {@code KAFKA_*} environment variable) that the messaging channels are built from too.
 */
@Dependent
public class KafkaClientsProducer {

    @Produces
    @Singleton
    KafkaClients kafkaClients(@Identifier("default-kafka-broker") Map<String, Object> channelConfig) {
        return KafkaClients.of(channelConfig);
    }
}
