package dev.agentavailability.entrypoint.board;

import dev.agentavailability.entrypoint.AppClock;
import dev.agentavailability.entrypoint.EntryPointTopics;
import dev.agentavailability.kafka.KafkaClients;
import dev.agentavailability.replay.ReplayState;
import dev.agentavailability.replay.ReplayViews;
import dev.agentavailability.replay.TimelineListener;
import dev.agentavailability.replay.TopicReplay;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What the board shows for a clicked agent: rttest's lines and the agent's last events, rebuilt from the topics as
 * {@code availctl replay} does (own consumer, no group), so any instance answers for every agent.
 */
@ApplicationScoped
public class AgentDetails {

    /** @param lastEvents the state at the window's start, then one line per change, oldest first */
    public record Details(int icmAgentId, Instant at, String rttest, List<String> lastEvents) {
    }

    /** Every replay slot is taken. */
    public static final class Busy extends RuntimeException {
        Busy(int slots) {
            super(slots + " agents are being rebuilt from the topics already; try again in a moment");
        }
    }

    private final KafkaClients kafka;
    private final EntryPointTopics topics;
    private final AppClock clock;
    private final StreamSettings settings;
    private final Duration timeout;
    // A replay reads whole partitions: a JDK semaphore's tryAcquire is all the limit needs.
    private final Semaphore replays;

    AgentDetails(KafkaClients kafka, EntryPointTopics topics, AppClock clock, StreamSettings settings,
            @ConfigProperty(name = "availability.replay.timeout") Duration timeout) {
        this.kafka = kafka;
        this.topics = topics;
        this.clock = clock;
        this.settings = settings;
        this.timeout = timeout;
        this.replays = new Semaphore(settings.agentReplays());
    }

    /** Empty when the agent has no event on the topic. */
    public Optional<Details> of(int icmAgentId) {
        if (!replays.tryAcquire()) {
            throw new Busy(settings.agentReplays());
        }
        try {
            return rebuild(icmAgentId);
        } finally {
            replays.release();
        }
    }

    private Optional<Details> rebuild(int icmAgentId) {
        Instant now = clock.now();
        TimelineListener timeline = TimelineListener.forAgent(now.minus(settings.agentWindow()), icmAgentId);
        ReplayState state = new TopicReplay(kafka, topics.agentEvents(), topics.config(), timeout)
                .withSnapshots(topics.projectionSnapshots()).replayEvents(now, timeline);
        timeline.finish(state);
        List<String> lines = timeline.lines();
        List<String> last = lines.subList(Math.max(0, lines.size() - settings.agentEvents()), lines.size());
        return ReplayViews.agentRttest(state, icmAgentId)
                .map(rttest -> new Details(icmAgentId, state.at(), rttest, List.copyOf(last)));
    }
}
