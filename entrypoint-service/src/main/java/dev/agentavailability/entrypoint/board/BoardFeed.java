package dev.agentavailability.entrypoint.board;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.agentavailability.contract.ContractJson;
import dev.agentavailability.contract.availability.AgentAvailability;
import dev.agentavailability.contract.availability.AvailabilityCounts;
import dev.agentavailability.entrypoint.AppClock;
import dev.agentavailability.entrypoint.availability.AvailabilityView;
import dev.agentavailability.entrypoint.initialize.EntryPointAnswers;
import dev.agentavailability.entrypoint.management.EntryPointCache;
import dev.agentavailability.entrypoint.management.EntryPointView;
import dev.agentavailability.rest.Problem;
import dev.agentavailability.rest.ProblemException;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.MultiEmitter;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The live streams: the supervisor board's (agents, skill groups, MRDs, entry point answers) and the public one of
 * each entry point's initialize answer. One thread compares what the views hold now with what it last sent, every
 * tick, and sends only the difference: a burst of events costs one message per tick, and the time-driven inputs
 * (business hours) are seen without an event. A subscriber joins on that thread, right after a tick, with a snapshot
 * of what the tick sent; so the changes that follow are relative to its snapshot and none is lost in between.
 */
@ApplicationScoped
public class BoardFeed {

    private static final Logger LOG = Logger.getLogger(BoardFeed.class);

    private final AgentStatesView agents;
    private final AvailabilityView availability;
    private final EntryPointCache entryPoints;
    private final EntryPointAnswers answers;
    private final AppClock clock;
    private final Duration tick;
    private final int maxStreams;
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicBoolean messagesLeft = new AtomicBoolean();
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(
            r -> new Thread(r, "board-feed"));

    // Touched only on the feed thread: what was last sent, and to whom.
    private Map<Integer, AgentAvailability> sentAgents = new HashMap<>();
    private Map<Integer, AvailabilityCounts> sentSkillGroups = new HashMap<>();
    private Map<Integer, AvailabilityCounts> sentMrds = new HashMap<>();
    private Map<Long, BoardUpdate.EntryPointAnswer> sentEntryPoints = new HashMap<>();
    private final List<MultiEmitter<? super String>> boards = new ArrayList<>();
    private final Map<Long, List<MultiEmitter<? super String>>> answerStreams = new HashMap<>();
    private final Map<Long, String> sentAnswers = new HashMap<>();

    BoardFeed(AgentStatesView agents, AvailabilityView availability, EntryPointCache entryPoints,
            EntryPointAnswers answers, AppClock clock,
            @ConfigProperty(name = "availability.board.tick") Duration tick,
            @ConfigProperty(name = "availability.board.max-streams") int maxStreams) {
        this.agents = agents;
        this.availability = availability;
        this.entryPoints = entryPoints;
        this.answers = answers;
        this.clock = clock;
        this.tick = tick;
        this.maxStreams = maxStreams;
    }

    void onStart(@Observes StartupEvent event) {
        thread.scheduleWithFixedDelay(this::guardedTick, tick.toMillis(), tick.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The board's stream: a snapshot, then the changes. */
    public Multi<String> board() {
        reserve();
        return Multi.createFrom().emitter(emitter -> {
            emitter.onTermination(() -> leave(() -> boards.remove(emitter)));
            onFeedThread(() -> {
                tick();
                boards.add(emitter);
                emitter.emit(json(snapshot()));
            }, emitter);
        });
    }

    /** The public stream of one entry point: its initialize answer now, then each time it changes. */
    public Multi<String> answers(long entryPointId) {
        reserve();
        return Multi.createFrom().emitter(emitter -> {
            emitter.onTermination(() -> leave(() -> {
                List<MultiEmitter<? super String>> list = answerStreams.get(entryPointId);
                if (list != null && list.remove(emitter) && list.isEmpty()) {
                    answerStreams.remove(entryPointId);
                    sentAnswers.remove(entryPointId);
                }
            }));
            onFeedThread(() -> {
                tick();
                Optional<String> answer = entryPoints.find(entryPointId).map(this::initializeJson);
                if (answer.isEmpty()) {
                    emitter.complete();
                    return;
                }
                answerStreams.computeIfAbsent(entryPointId, id -> new ArrayList<>()).add(emitter);
                sentAnswers.put(entryPointId, answer.get());
                emitter.emit(answer.get());
            }, emitter);
        });
    }

    /** Everything now, for a page that asks once; computed on the caller's thread from the views. */
    public BoardUpdate state() {
        return new BoardUpdate(BoardUpdate.SNAPSHOT, clock.now(), List.copyOf(agents.all()), List.of(),
                skillGroups(currentSkillGroups()), mrds(currentMrds()), List.copyOf(currentEntryPoints().values()),
                List.of(), false);
    }

    /** A leave-a-message was stored: the boards reread the list. */
    public void messageLeft() {
        messagesLeft.set(true);
    }

    private void reserve() {
        if (open.incrementAndGet() > maxStreams) {
            open.decrementAndGet();
            throw new ProblemException(Problem.of(Response.Status.SERVICE_UNAVAILABLE, "this instance already serves "
                    + maxStreams + " live streams (availability.board.max-streams); try again later")
                    .withHeader("Retry-After", "30"));
        }
    }

    private void leave(Runnable forget) {
        open.decrementAndGet();
        try {
            thread.execute(forget);
        } catch (RejectedExecutionException stopping) {
            // shutting down: nothing more is sent
        }
    }

    private void onFeedThread(Runnable join, MultiEmitter<? super String> emitter) {
        try {
            thread.execute(join);
        } catch (RejectedExecutionException stopping) {
            emitter.complete();
        }
    }

    private void guardedTick() {
        try {
            tick();
        } catch (RuntimeException e) {
            // A failed tick is retried by the next; the thread must not die with it.
            LOG.errorf(e, "the board feed's tick failed");
        }
    }

    private void tick() {
        if (boards.isEmpty() && answerStreams.isEmpty()) {
            return;
        }
        Map<Long, BoardUpdate.EntryPointAnswer> entryPointsNow = currentEntryPoints();
        if (!boards.isEmpty()) {
            sendBoardChanges(entryPointsNow);
        }
        sendAnswerChanges();
    }

    private void sendBoardChanges(Map<Long, BoardUpdate.EntryPointAnswer> entryPointsNow) {
        Map<Integer, AgentAvailability> agentsNow = new HashMap<>();
        agents.all().forEach(a -> agentsNow.put(a.icmAgentId(), a));
        Map<Integer, AvailabilityCounts> skillGroupsNow = currentSkillGroups();
        Map<Integer, AvailabilityCounts> mrdsNow = currentMrds();
        BoardUpdate changes = new BoardUpdate(BoardUpdate.CHANGES, clock.now(),
                changed(sentAgents, agentsNow), gone(sentAgents, agentsNow),
                skillGroups(changedCounts(sentSkillGroups, skillGroupsNow)), mrds(changedCounts(sentMrds, mrdsNow)),
                changed(sentEntryPoints, entryPointsNow), gone(sentEntryPoints, entryPointsNow),
                messagesLeft.getAndSet(false));
        sentAgents = agentsNow;
        sentSkillGroups = skillGroupsNow;
        sentMrds = mrdsNow;
        sentEntryPoints = entryPointsNow;
        if (!changes.isEmpty()) {
            String message = json(changes);
            boards.forEach(b -> b.emit(message));
        }
    }

    private void sendAnswerChanges() {
        answerStreams.forEach((id, streams) -> {
            Optional<EntryPointView> entryPoint = entryPoints.find(id);
            if (entryPoint.isEmpty()) {
                List.copyOf(streams).forEach(MultiEmitter::complete);
                return;
            }
            String answer = initializeJson(entryPoint.get());
            if (!answer.equals(sentAnswers.put(id, answer))) {
                streams.forEach(s -> s.emit(answer));
            }
        });
    }

    /** The snapshot of what was last sent (the feed thread's view). */
    private BoardUpdate snapshot() {
        return new BoardUpdate(BoardUpdate.SNAPSHOT, clock.now(), List.copyOf(sentAgents.values()), List.of(),
                skillGroups(sentSkillGroups), mrds(sentMrds), List.copyOf(sentEntryPoints.values()), List.of(), false);
    }

    private Map<Integer, AvailabilityCounts> currentSkillGroups() {
        Map<Integer, AvailabilityCounts> now = new HashMap<>();
        availability.skillGroupIds().forEach(id -> now.put(id, availability.skillGroup(id)));
        return now;
    }

    private Map<Integer, AvailabilityCounts> currentMrds() {
        Map<Integer, AvailabilityCounts> now = new HashMap<>();
        availability.mrdIds().forEach(id -> now.put(id, availability.mrd(id)));
        return now;
    }

    private Map<Long, BoardUpdate.EntryPointAnswer> currentEntryPoints() {
        Map<Long, BoardUpdate.EntryPointAnswer> now = new HashMap<>();
        entryPoints.all().forEach(ep -> now.put(ep.id(), BoardUpdate.EntryPointAnswer.of(answers.evaluate(ep))));
        return now;
    }

    private String initializeJson(EntryPointView entryPoint) {
        return json(answers.evaluate(entryPoint).response());
    }

    private static Map<Integer, AvailabilityCounts> changedCounts(Map<Integer, AvailabilityCounts> before,
            Map<Integer, AvailabilityCounts> now) {
        Map<Integer, AvailabilityCounts> changed = new HashMap<>();
        now.forEach((id, counts) -> {
            if (!counts.equals(before.get(id))) {
                changed.put(id, counts);
            }
        });
        return changed;
    }

    private static <K, V> List<V> changed(Map<K, V> before, Map<K, V> now) {
        List<V> changed = new ArrayList<>();
        now.forEach((id, value) -> {
            if (!Objects.equals(value, before.get(id))) {
                changed.add(value);
            }
        });
        return changed;
    }

    private static <K, V> List<K> gone(Map<K, V> before, Map<K, V> now) {
        return before.keySet().stream().filter(id -> !now.containsKey(id)).toList();
    }

    private List<BoardUpdate.Group> skillGroups(Map<Integer, AvailabilityCounts> counts) {
        return counts.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> new BoardUpdate.Group(e.getKey(), availability.skillGroupMrd(e.getKey()), e.getValue()))
                .toList();
    }

    private static List<BoardUpdate.Group> mrds(Map<Integer, AvailabilityCounts> counts) {
        return counts.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> new BoardUpdate.Group(e.getKey(), e.getKey(), e.getValue())).toList();
    }

    private static String json(Object value) {
        try {
            return ContractJson.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a board message could not be written", e);
        }
    }

    @PreDestroy
    void stop() {
        thread.shutdownNow();
    }
}
