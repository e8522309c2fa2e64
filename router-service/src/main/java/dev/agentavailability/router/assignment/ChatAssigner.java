package dev.agentavailability.router.assignment;

import dev.agentavailability.router.projection.PartitionsApplied;
import dev.agentavailability.contract.chat.ChatEvent;
import dev.agentavailability.contract.chat.ChatEventJson;
import dev.agentavailability.contract.chat.ChatEventType;
import dev.agentavailability.projection.PartitionProjection;
import dev.agentavailability.router.config.ConfigChanged;
import dev.agentavailability.router.config.ConfigState;
import dev.agentavailability.router.projection.ProjectionStore;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Keeps the chat queue and assigns its chats: after every chat event, agent-event batch and config change it
 * runs {@link AssignmentDecision} and publishes an ASSIGNED per choice, keyed by entry point id. One thread
 * owns the queue and makes every decision, so two triggers never choose for the same chat or agent.
 * <p>
 * Nothing is decided until the chat-event partitions are read up to where they ended when this instance got
 * them (the queue is rebuilt from the topic's start on every start-up), so that a chat already assigned is not
 * assigned again.
 * <p>
 * Known limitation: the router decides with the agents of the agent-event partitions it owns. The lab runs one
 * router, which owns every partition. With several instances, the instance that owns a chat's partition
 * decides using only the agents of its own agent-event partitions, so an available agent of another instance
 * is not seen, and two instances may choose the same agent's last free slot for chats of different partitions
 * (the listener then refuses one with ASSIGNMENT_FAILED and that chat waits again).
 */
@ApplicationScoped
public class ChatAssigner {

    private static final Logger LOG = Logger.getLogger(ChatAssigner.class);

    private final ProjectionStore store;
    private final ConfigState config;
    private final MutinyEmitter<String> out;
    private final Clock clock = Clock.systemUTC();
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> new Thread(r, "chat-assigner"));
    /** Touched only on the assigner thread. */
    private final ChatQueue queue = new ChatQueue();
    /** Per owned chat-event partition, the offset it must reach before deciding; removed once reached. */
    private final Map<Integer, Long> catchingUp = new HashMap<>();

    public ChatAssigner(ProjectionStore store, ConfigState config,
            @Channel("chat-events-out") MutinyEmitter<String> out) {
        this.store = store;
        this.config = config;
        this.out = out;
    }

    /** Applies a chat event (or, when {@code event} is null, an unreadable record) and decides. */
    public void onChatEvent(int partition, long offset, ChatEvent event) {
        call(() -> {
            if (event != null) {
                queue.apply(event, partition);
            }
            Long end = catchingUp.get(partition);
            if (end != null && offset + 1 >= end) {
                catchingUp.remove(partition);
                LOG.infof("chat-event partition %d read to its end (offset %d)", partition, offset);
            }
            decide();
            return null;
        });
    }

    /** Partitions got: they are read from the start, and deciding waits until they reach these end offsets. */
    public void partitionsAssigned(Map<Integer, Long> endOffsets) {
        call(() -> {
            endOffsets.forEach((partition, end) -> {
                if (end > 0) {
                    catchingUp.put(partition, end);
                }
            });
            return null;
        });
    }

    public void partitionsRevoked(Collection<Integer> partitions) {
        call(() -> {
            partitions.forEach(catchingUp::remove);
            queue.forgetPartitions(partitions);
            return null;
        });
    }

    void onAgentEvents(@Observes @Priority(PartitionsApplied.ASSIGNMENT) PartitionsApplied applied) {
        if (!applied.current().isEmpty()) {
            thread.execute(this::decide);
        }
    }

    void onConfigChanged(@Observes ConfigChanged change) {
        thread.execute(this::decide);
    }

    /** What the queue holds now, for the REST view. */
    public QueueView view() {
        return call(() -> new QueueView(queue.waiting().stream()
                .map(c -> new QueueView.Chat(c.entryPointId(), c.chatId(), c.mrdId(), c.skillGroupIds(), c.startedAt(),
                        queue.pending(c.chatId()).map(ChatQueue.Pending::icmAgentId).orElse(null)))
                .toList(), queue.holds(), !catchingUp.isEmpty()));
    }

    private void decide() {
        try {
            queue.releaseHolds(agent -> store.partitionHolding(agent).flatMap(p -> p.agent(agent)), clock.instant());
            if (!catchingUp.isEmpty()) {
                return;
            }
            List<WaitingChat> waiting = queue.unassigned();
            if (waiting.isEmpty()) {
                return;
            }
            List<AgentCandidate> agents = new ArrayList<>();
            for (PartitionProjection partition : store.partitions()) {
                partition.agents().forEach(a -> agents.add(new AgentCandidate(a, partition.unavailableDomains())));
            }
            for (Assignment assignment : AssignmentDecision.decide(waiting, agents, config.current(),
                    queue.pendingPerAgent())) {
                queue.assigned(assignment);
                publish(assignment);
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "assigning chats failed; the next trigger tries again");
        }
    }

    private void publish(Assignment assignment) {
        WaitingChat chat = assignment.chat();
        ChatEvent event = ChatEvent.step(ChatEventType.ASSIGNED, chat.entryPointId(), chat.chatId(),
                assignment.mrdId(), assignment.icmAgentId(), assignment.taskId(), null, Instant.now(clock));
        LOG.infof("chat %s of entry point %d assigned to agent %d in MRD %d (task %s)", chat.chatId(),
                chat.entryPointId(), assignment.icmAgentId(), assignment.mrdId(), assignment.taskId());
        out.sendMessage(Message.of(ChatEventJson.write(event))
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(event.key()).build()))
                .subscribe().with(ok -> {
                }, failure -> {
                    LOG.errorf(failure, "ASSIGNED of chat %s not published; it waits again", chat.chatId());
                    thread.execute(() -> {
                        queue.publishFailed(assignment);
                        decide();
                    });
                });
    }

    private <T> T call(Callable<T> task) {
        Future<T> result = thread.submit(task);
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    @PreDestroy
    void stop() {
        thread.shutdownNow();
    }
}
