package dev.agentavailability.entrypoint.chat;

import dev.agentavailability.entrypoint.queue.ChatQueueView;
import dev.agentavailability.contract.chat.ChatEvent;
import dev.agentavailability.contract.chat.ChatEventType;
import dev.agentavailability.entrypoint.AppClock;
import dev.agentavailability.entrypoint.startup.AvailabilityCatchUp;
import dev.agentavailability.entrypoint.management.EntryPointCache;
import dev.agentavailability.entrypoint.management.EntryPointView;
import dev.agentavailability.projection.entrypoint.ChatQueue;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Publishes TIMED_OUT for every chat that has waited (event time of its STARTED vs now) longer than its entry point's
 * maxWaitSeconds. Runs only once the topics are caught up, so a chat offered in a part of the topic not read yet is
 * not timed out. Several instances may publish TIMED_OUT for the same chat: the projection ignores the repeats.
 */
@ApplicationScoped
public class ChatTimeouts {

    private static final Logger LOG = Logger.getLogger(ChatTimeouts.class);

    private final ChatQueueView queue;
    private final ChatEventPublisher publisher;
    private final EntryPointCache entryPoints;
    private final AvailabilityCatchUp catchUp;
    private final AppClock clock;

    ChatTimeouts(ChatQueueView queue, ChatEventPublisher publisher, EntryPointCache entryPoints,
            AvailabilityCatchUp catchUp, AppClock clock) {
        this.queue = queue;
        this.publisher = publisher;
        this.entryPoints = entryPoints;
        this.catchUp = catchUp;
        this.clock = clock;
    }

    @Scheduled(every = "${chat.timeout-check.every:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void check() {
        if (!catchUp.caughtUp()) {
            return;
        }
        timeOutOverdue(clock.now());
    }

    /** @return how many chats were timed out */
    public int timeOutOverdue(Instant now) {
        int count = 0;
        for (ChatQueue.Waiting waiting : queue.queue().overdue(now, this::maxWait)) {
            int mrdId = entryPoints.find(waiting.entryPointId()).map(EntryPointView::mrdId).orElse(0);
            ChatEvent timedOut = ChatEvent.step(ChatEventType.TIMED_OUT, waiting.entryPointId(), waiting.chatId(),
                    mrdId, 0, null, "waited longer than " + maxWait(waiting.entryPointId()).toSeconds() + " s", now);
            try {
                publisher.publish(timedOut);
                queue.applyOwn(timedOut);
                count++;
            } catch (RuntimeException e) {
                LOG.warnf("could not time out chat %s: %s", waiting.chatId(), e.getMessage());
                return count;
            }
        }
        return count;
    }

    private Duration maxWait(long entryPointId) {
        return Duration.ofSeconds(entryPoints.find(entryPointId).map(EntryPointView::maxWaitSeconds)
                .orElse(EntryPointView.DEFAULT_MAX_WAIT_SECONDS));
    }
}
