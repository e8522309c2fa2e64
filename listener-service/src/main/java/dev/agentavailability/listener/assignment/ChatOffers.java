package dev.agentavailability.listener.assignment;

import dev.agentavailability.contract.Decoded;
import dev.agentavailability.contract.arm.ArmFields;
import dev.agentavailability.contract.arm.ArmMessage;
import dev.agentavailability.contract.arm.ArmStatus;
import dev.agentavailability.contract.chat.ChatEvent;
import dev.agentavailability.contract.chat.ChatEventJson;
import dev.agentavailability.kafka.DeadLetter;
import dev.agentavailability.kafka.cdi.DeadLetters;
import dev.agentavailability.contract.chat.ChatEventType;
import dev.agentavailability.listener.ListenerStatus;
import dev.agentavailability.listener.agent.AgentCommands;
import dev.agentavailability.listener.agent.ArmRequest;
import dev.agentavailability.rest.ProblemException;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Offers assigned chats to their agents: each ASSIGNED on the chat-event topic becomes an OFFER_TASK_IND of the
 * chat's task, run through {@link AgentCommands#run} like every other ARM message; OFFERED is published when it
 * was published, ASSIGNMENT_FAILED with the refusal when it was refused.
 * <p>
 * Redelivery is harmless: an ASSIGNED answered later in the same batch is skipped (so a replay of the topic does
 * not offer old chats again), ASSIGNED events already handled by this process are skipped by event id, and an
 * offer the agent already holds (DUPLICATE_TASK) counts as offered.
 */
@Singleton
public class ChatOffers {

    public static final String CHANNEL = "chat-events-in";
    private static final Logger LOG = Logger.getLogger(ChatOffers.class);
    private static final int REMEMBERED = 100_000;
    private static final long READY_WAIT_MS = 200;

    private final AgentCommands commands;
    private final ListenerStatus status;
    private final ChatEventPublisher publisher;
    private final Clock clock = Clock.systemUTC();
    private final Set<UUID> handled = Collections.newSetFromMap(new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    });

    private final DeadLetters deadLetters;

    public ChatOffers(AgentCommands commands, ListenerStatus status, ChatEventPublisher publisher,
            DeadLetters deadLetters) {
        this.commands = commands;
        this.status = status;
        this.publisher = publisher;
        this.deadLetters = deadLetters;
    }

    @Incoming(CHANNEL)
    @Blocking(ordered = true)
    public void consume(ConsumerRecords<String, String> batch) throws InterruptedException {
        List<ChatEvent> events = new ArrayList<>();
        List<DeadLetter> letters = new ArrayList<>();
        for (ConsumerRecord<String, String> record : batch) {
            Decoded<ChatEvent> decoded = ChatEventJson.read(record.value());
            if (decoded.isValid()) {
                events.add(decoded.value());
            } else {
                letters.add(DeadLetter.of(record, decoded.error()));
            }
        }
        // offsets are committed: only once Kafka holds the dead letters may the group move past them
        deadLetters.send(letters);
        List<ChatEvent> toOffer = unanswered(events);
        if (toOffer.isEmpty()) {
            return;
        }
        awaitReady();
        for (ChatEvent assigned : toOffer) {
            if (handled.add(assigned.eventId())) {
                offer(assigned);
            }
        }
    }

    /** The ASSIGNED events of the batch that no later OFFERED or ASSIGNMENT_FAILED of the same chat answers. */
    static List<ChatEvent> unanswered(List<ChatEvent> events) {
        Map<UUID, Boolean> answeredLater = new HashMap<>();
        List<ChatEvent> result = new ArrayList<>();
        for (int i = events.size() - 1; i >= 0; i--) {
            ChatEvent e = events.get(i);
            if (e.type() == ChatEventType.OFFERED || e.type() == ChatEventType.ASSIGNMENT_FAILED) {
                answeredLater.put(e.chatId(), true);
            } else if (e.type() == ChatEventType.ASSIGNED) {
                if (!answeredLater.getOrDefault(e.chatId(), false)) {
                    result.add(0, e);
                }
                answeredLater.put(e.chatId(), false);
            }
        }
        return result;
    }

    private void offer(ChatEvent assigned) {
        ArmRequest request = new ArmRequest(ArmMessage.OFFER_TASK_IND, assigned.icmAgentId(), assigned.mrdId(),
                ArmFields.task(assigned.taskId()));
        ChatEventType outcome;
        String reason = null;
        try {
            commands.run(request);
            outcome = ChatEventType.OFFERED;
        } catch (ProblemException e) {
            Object armStatus = e.problem().getExtensions().get("armStatus");
            if (ArmStatus.DUPLICATE_TASK.name().equals(armStatus)) {
                // Redelivered: the agent already holds this chat's task.
                outcome = ChatEventType.OFFERED;
            } else {
                outcome = ChatEventType.ASSIGNMENT_FAILED;
                reason = armStatus == null ? e.problem().getDetail() : armStatus + ": " + e.problem().getDetail();
            }
        }
        LOG.infof("chat %s for agent %d MRD %d (task %s): %s%s", assigned.chatId(), assigned.icmAgentId(),
                assigned.mrdId(), assigned.taskId(), outcome, reason == null ? "" : " (" + reason + ")");
        publisher.publish(ChatEvent.step(outcome, assigned.entryPointId(), assigned.chatId(), assigned.mrdId(),
                assigned.icmAgentId(), assigned.taskId(), reason, clock.instant()));
    }

    /** Offers wait until agent states are rebuilt: an offer against a half-built state would be judged wrongly. */
    private void awaitReady() throws InterruptedException {
        while (status.notReadyBecause().isPresent()) {
            synchronized (this) {
                wait(READY_WAIT_MS);
            }
        }
    }
}
