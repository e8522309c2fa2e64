package dev.agentavailability.replay;

import dev.agentavailability.contract.availability.AvailabilityCounts;
import dev.agentavailability.contract.config.ConfigEvent;
import dev.agentavailability.contract.config.ConfigItem;
import dev.agentavailability.contract.config.ConfigKind;
import dev.agentavailability.contract.entrypoint.AvailabilityScope;
import dev.agentavailability.contract.entrypoint.EntryPointSettings;
import dev.agentavailability.projection.AvailabilityCounter;
import dev.agentavailability.projection.ConfigView;
import dev.agentavailability.projection.PartitionProjection;
import dev.agentavailability.projection.entrypoint.BusinessCalendar;
import dev.agentavailability.projection.entrypoint.Eligibility;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The numbers an engineer charts for an incident window, recorded at every change within {@code [from, to]}:
 * available agents per skill group, queue depth per entry point and each entry point's initialize answer
 * (responseType). Driven by {@link TopicReplay#replayEvents} for the agent and config events, with the entry
 * point and chat events of {@link EntryPointEvents} merged in by time. Counts per partition are kept and only the
 * changed partition is recounted, so a step costs one partition's agents.
 *
 * <p>Answers change with business hours too; they are evaluated at each recorded change, not at the opening and
 * closing times themselves.
 */
public final class AvailabilitySeries implements TopicReplay.StepListener {

    /** The values after one change; {@code cause} names the record that made it. */
    public record Point(Instant at, String cause, SortedMap<Integer, Integer> availableBySkillGroup,
            SortedMap<Long, Integer> queueDepth, SortedMap<Long, Integer> responseType) {
    }

    /** Every point in time order; the first is the state at {@code from}. */
    public record Series(Instant from, Instant to, SortedMap<Integer, String> skillGroupNames, List<Point> points) {
    }

    private final Instant from;
    private final Instant to;
    private final EntryPointEvents entryPointEvents;
    private final EntryPointsState entryPoints = new EntryPointsState();
    private final Map<Integer, SortedMap<Integer, AvailabilityCounts>> skillGroupsByPartition = new HashMap<>();
    private final Map<Integer, SortedMap<Integer, AvailabilityCounts>> mrdsByPartition = new HashMap<>();
    private final Map<Integer, PartitionProjection> partitions = new HashMap<>();
    private final List<Point> points = new ArrayList<>();
    /** Partitions whose counts are not recounted yet: before the window nothing is recorded, so nothing is counted. */
    private final Set<Integer> dirty = new HashSet<>();
    private ConfigView config = new ConfigView();

    public AvailabilitySeries(Instant from, Instant to, EntryPointEvents entryPointEvents) {
        this.from = Objects.requireNonNull(from, "from");
        this.to = Objects.requireNonNull(to, "to");
        this.entryPointEvents = Objects.requireNonNull(entryPointEvents, "entryPointEvents");
    }

    @Override
    public void beforeApplying(Instant at) {
        entryPointChangesBefore(at);
        startAt(at);
    }

    @Override
    public void applied(TopicReplay.Step step) {
        Instant at = step.event().occurredAt();
        config = step.config();
        partitions.put(step.partition(), step.projection());
        dirty.add(step.partition());
        record(at, "p" + step.partition() + "@" + step.offset() + " " + step.event().message() + " agent "
                + step.event().icmAgentId());
    }

    @Override
    public void configChanged(ConfigEvent event, long offset, ConfigView config) {
        this.config = config;
        dirty.addAll(partitions.keySet());
        record(event.occurredAt(), "config@" + offset + " " + event.op() + " " + event.kind() + " " + event.id());
    }

    /** Call once the replay is done: applies the entry point and chat events up to {@code to}. */
    public Series finish() {
        entryPointChangesBefore(to.plusNanos(1));
        if (points.isEmpty()) {
            points.add(snapshot(from, "state at the start of the window"));
        }
        SortedMap<Integer, String> names = new TreeMap<>();
        for (ConfigItem item : config.all(ConfigKind.SKILL_GROUP)) {
            config.skillGroup(item.id()).ifPresent(sg -> names.put(sg.id(), sg.name()));
        }
        return new Series(from, to, names, List.copyOf(points));
    }

    private void entryPointChangesBefore(Instant at) {
        while (true) {
            Instant next = entryPoints.nextChange(entryPointEvents).orElse(null);
            if (next == null || !next.isBefore(at)) {
                return;
            }
            startAt(next);
            entryPoints.advanceTo(entryPointEvents, next);
            record(next, "entry point or chat event");
        }
    }

    /**
     * Before the first change after {@code from} is applied, the state as it stands is the state at {@code from}
     * (every record at or before it applied): the replay calls {@link #beforeApplying} while a record's partition
     * still holds the state before it.
     */
    private void startAt(Instant at) {
        if (points.isEmpty() && at.isAfter(from)) {
            points.add(snapshot(from, "state at the start of the window"));
        }
    }

    private void record(Instant at, String cause) {
        if (points.isEmpty() || at.isAfter(to)) {
            return; // before the window, or at its start: part of the start point
        }
        Point now = snapshot(at, cause);
        Point previous = points.get(points.size() - 1);
        if (!now.availableBySkillGroup().equals(previous.availableBySkillGroup())
                || !now.queueDepth().equals(previous.queueDepth())
                || !now.responseType().equals(previous.responseType())) {
            points.add(now);
        }
    }

    private Point snapshot(Instant at, String cause) {
        for (int partition : dirty) {
            PartitionProjection p = partitions.get(partition);
            AvailabilityCounter.Counts counts = AvailabilityCounter.count(p, config);
            skillGroupsByPartition.put(partition, counts.bySkillGroup());
            mrdsByPartition.put(partition, counts.byMrd());
        }
        dirty.clear();
        SortedMap<Integer, Integer> available = new TreeMap<>();
        for (ConfigItem item : config.all(ConfigKind.SKILL_GROUP)) {
            available.put(item.id(), sum(skillGroupsByPartition, item.id()).available());
        }
        SortedMap<Long, Integer> depth = new TreeMap<>();
        SortedMap<Long, Integer> answer = new TreeMap<>();
        for (long id : entryPoints.entryPointIds()) {
            EntryPointSettings settings = entryPoints.settings(id).orElseThrow().settings();
            int queued = entryPoints.queueDepth(id);
            depth.put(id, queued);
            answer.put(id, Eligibility.decide(BusinessCalendar.of(settings.businessHours()).decide(at).open(),
                    settings.active(), queued, settings.maxQueueDepth(), inScope(settings)).responseType().code());
        }
        return new Point(at, cause, available, depth, answer);
    }

    private AvailabilityCounts inScope(EntryPointSettings settings) {
        if (settings.availabilityScope() == AvailabilityScope.MRD) {
            return sum(mrdsByPartition, settings.mrdId());
        }
        AvailabilityCounts total = AvailabilityCounts.ZERO;
        for (int skillGroupId : settings.skillGroupIds()) {
            total = total.plus(sum(skillGroupsByPartition, skillGroupId));
        }
        return total;
    }

    private static AvailabilityCounts sum(Map<Integer, SortedMap<Integer, AvailabilityCounts>> byPartition, int id) {
        AvailabilityCounts total = AvailabilityCounts.ZERO;
        for (SortedMap<Integer, AvailabilityCounts> counts : byPartition.values()) {
            total = total.plus(counts.getOrDefault(id, AvailabilityCounts.ZERO));
        }
        return total;
    }
}
