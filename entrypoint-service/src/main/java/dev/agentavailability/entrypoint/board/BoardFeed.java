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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
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
    private final StreamSettings settings;
    private final AtomicInteger openBoards = new AtomicInteger();
    private final AtomicInteger openPublic = new AtomicInteger();
    private final Map<String, AtomicInteger> openPublicByClient = new ConcurrentHashMap<>();
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
            EntryPointAnswers answers, AppClock clock, StreamSettings settings) {
        this.agents = agents;
        this.availability = availability;
        this.entryPoints = entryPoints;
        this.answers = answers;
        this.clock = clock;
        this.settings = settings;
    }

    void onStart(@Observes StartupEvent event) {
        long tick = settings.tick().toMillis();
        thread.scheduleWithFixedDelay(this::guardedTick, tick, tick, TimeUnit.MILLISECONDS);
        long heartbeat = settings.heartbeat().toMillis();
        thread.scheduleWithFixedDelay(this::heartbeat, heartbeat, heartbeat, TimeUnit.MILLISECONDS);
    }

    /** The board's stream: a snapshot, then the changes. */
    public Multi<String> board() {
        Slot slot = reserve(openBoards, settings.maxBoardStreams(), null, "board streams");
        return Multi.createFrom().emitter(emitter -> {
            emitter.onTermination(() -> {
                slot.release();
                onFeedThread(() -> boards.remove(emitter));
            });
            join(emitter, () -> {
                // What changed since the last tick goes to the open boards first, so the snapshot is what they have.
                sendBoardChanges(currentEntryPoints());
                boards.add(emitter);
                emit(emitter, json(snapshot()));
            });
        }, settings.buffer());
    }

    /** The public stream of one entry point: its initialize answer now, then each time it changes. */
    public Multi<String> answers(long entryPointId, String client) {
        Slot slot = reserve(openPublic, settings.maxPublicStreams(), client, "public answer streams");
        return Multi.createFrom().emitter(emitter -> {
            emitter.onTermination(() -> {
                slot.release();
                onFeedThread(() -> {
                    List<MultiEmitter<? super String>> list = answerStreams.get(entryPointId);
                    if (list != null && list.remove(emitter) && list.isEmpty()) {
                        answerStreams.remove(entryPointId);
                        sentAnswers.remove(entryPointId);
                    }
                });
            });
            join(emitter, () -> {
                tick();
                // The answer the other streams of this entry point were sent, so none of them misses a change.
                String answer = sentAnswers.get(entryPointId);
                if (answer == null) {
                    Optional<EntryPointView> entryPoint = entryPoints.find(entryPointId);
                    if (entryPoint.isEmpty()) {
                        emitter.complete();
                        return;
                    }
                    answer = initializeJson(entryPoint.get());
                    sentAnswers.put(entryPointId, answer);
                }
                answerStreams.computeIfAbsent(entryPointId, id -> new ArrayList<>()).add(emitter);
                emit(emitter, answer);
            });
        }, settings.buffer());
    }

    /** Everything now, for a page that asks once; computed on the caller's thread from the views. */
    public BoardUpdate state() {
        return BoardUpdate.snapshot(clock.now(), agents.all(), skillGroups(currentSkillGroups()),
                mrds(currentMrds()), currentEntryPoints().values());
    }

    /** A leave-a-message was stored: the boards reread the list. */
    public void messageLeft() {
        messagesLeft.set(true);
    }

    /** One open stream's place in the budgets, given back exactly once. */
    private final class Slot {
        private final AtomicInteger total;
        private final String client;
        private final AtomicBoolean released = new AtomicBoolean();

        Slot(AtomicInteger total, String client) {
            this.total = total;
            this.client = client;
        }

        void release() {
            if (released.compareAndSet(false, true)) {
                total.decrementAndGet();
                if (client != null) {
                    openPublicByClient.computeIfPresent(client, (c, n) -> n.decrementAndGet() <= 0 ? null : n);
                }
            }
        }
    }

    /** A place among the open streams of the kind, and of the client when named; else 503 with Retry-After. */
    private Slot reserve(AtomicInteger total, int max, String client, String kind) {
        if (total.incrementAndGet() > max) {
            total.decrementAndGet();
            throw full("this instance already serves " + max + " " + kind + "; try again later");
        }
        if (client != null) {
            AtomicInteger mine = openPublicByClient.computeIfAbsent(client, c -> new AtomicInteger());
            if (mine.incrementAndGet() > settings.maxPublicStreamsPerClient()) {
                mine.decrementAndGet();
                total.decrementAndGet();
                throw full(client + " already holds " + settings.maxPublicStreamsPerClient() + " " + kind
                        + " here; close one first");
            }
        }
        return new Slot(total, client);
    }

    private static ProblemException full(String detail) {
        return new ProblemException(Problem.of(Response.Status.SERVICE_UNAVAILABLE, detail)
                .withHeader("Retry-After", "30"));
    }

    private void onFeedThread(Runnable task) {
        try {
            thread.execute(task);
        } catch (RejectedExecutionException stopping) {
            // shutting down: nothing more is sent
        }
    }

    /** Runs a subscriber's join on the feed thread; a join that fails ends that stream, not the feed. */
    private void join(MultiEmitter<? super String> emitter, Runnable join) {
        try {
            thread.execute(() -> {
                try {
                    join.run();
                } catch (Throwable e) {
                    LOG.errorf(e, "a live stream could not start");
                    emitter.fail(e);
                }
            });
        } catch (RejectedExecutionException stopping) {
            emitter.complete();
        }
    }

    /** A stream that cannot take a message (its buffer is full: the client stopped reading) ends; the page reconnects. */
    private static void emit(MultiEmitter<? super String> emitter, String message) {
        try {
            emitter.emit(message);
        } catch (RuntimeException e) {
            emitter.fail(e);
        }
    }

    private void guardedTick() {
        try {
            tick();
        } catch (Throwable e) {
            // A failed tick is retried by the next; the scheduled task must not end with it.
            LOG.errorf(e, "the board feed's tick failed");
        }
    }

    /** Every open stream gets a message now and then, so a client that went away is noticed and its slot freed. */
    private void heartbeat() {
        try {
            if (!boards.isEmpty()) {
                String beat = json(BoardUpdate.heartbeat(clock.now()));
                List.copyOf(boards).forEach(b -> emit(b, beat));
            }
            answerStreams.forEach((id, streams) -> {
                String answer = sentAnswers.get(id);
                if (answer != null) {
                    List.copyOf(streams).forEach(s -> emit(s, answer));
                }
            });
        } catch (Throwable e) {
            LOG.errorf(e, "the board feed's heartbeat failed");
        }
    }

    private void tick() {
        if (boards.isEmpty() && answerStreams.isEmpty()) {
            return;
        }
        if (!boards.isEmpty()) {
            sendBoardChanges(currentEntryPoints());
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
                skillGroups(changedCounts(sentSkillGroups, skillGroupsNow)), gone(sentSkillGroups, skillGroupsNow),
                mrds(changedCounts(sentMrds, mrdsNow)), gone(sentMrds, mrdsNow),
                changed(sentEntryPoints, entryPointsNow), gone(sentEntryPoints, entryPointsNow),
                messagesLeft.getAndSet(false));
        sentAgents = agentsNow;
        sentSkillGroups = skillGroupsNow;
        sentMrds = mrdsNow;
        sentEntryPoints = entryPointsNow;
        if (!changes.isEmpty()) {
            String message = json(changes);
            List.copyOf(boards).forEach(b -> emit(b, message));
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
                List.copyOf(streams).forEach(s -> emit(s, answer));
            }
        });
    }

    /** The snapshot of what was last sent (the feed thread's view). */
    private BoardUpdate snapshot() {
        return BoardUpdate.snapshot(clock.now(), sentAgents.values(), skillGroups(sentSkillGroups), mrds(sentMrds),
                sentEntryPoints.values());
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
