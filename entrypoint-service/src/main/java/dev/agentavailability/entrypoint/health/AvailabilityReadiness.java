package dev.agentavailability.entrypoint.health;

import dev.agentavailability.entrypoint.startup.AvailabilityCatchUp;
import dev.agentavailability.entrypoint.availability.AvailabilityConsumer;
import dev.agentavailability.entrypoint.availability.AvailabilityView;
import dev.agentavailability.entrypoint.queue.ChatQueueView;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready until the availability topics and the chat-event topic have been read up to their end offsets at
 * startup.
 */
@Readiness
@ApplicationScoped
public class AvailabilityReadiness implements HealthCheck {

    private final AvailabilityCatchUp catchUp;
    private final AvailabilityView view;
    private final AvailabilityConsumer consumer;
    private final ChatQueueView chats;

    AvailabilityReadiness(AvailabilityCatchUp catchUp, AvailabilityView view, AvailabilityConsumer consumer,
            ChatQueueView chats) {
        this.catchUp = catchUp;
        this.view = view;
        this.consumer = consumer;
        this.chats = chats;
    }

    @Override
    public HealthCheckResponse call() {
        boolean caughtUp = catchUp.caughtUp();
        HealthCheckResponseBuilder builder = HealthCheckResponse.named("availability-topics").status(caughtUp)
                .withData("topics", String.join(",", catchUp.topics()))
                .withData("skillGroupRecords", view.skillGroupRecords())
                .withData("mrdRecords", view.mrdRecords())
                .withData("malformedSkillGroupRecords", view.malformedSkillGroupRecords())
                .withData("malformedMrdRecords", view.malformedMrdRecords())
                .withData("failedRecords", consumer.failedRecords())
                .withData("chatEventRecords", chats.records())
                .withData("malformedChatEventRecords", chats.malformedRecords())
                .withData("waitingChats", chats.queue().size());
        if (!caughtUp) {
            builder.withData("endOffsetsKnown", catchUp.targetsKnown());
            catchUp.remaining().forEach((partition, left) -> builder.withData("behind " + partition, left));
        }
        return builder.build();
    }
}
