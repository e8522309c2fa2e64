package dev.agentavailability.replay;

import dev.agentavailability.contract.availability.AvailabilityCounts;
import dev.agentavailability.contract.config.ConfigEvent;
import dev.agentavailability.projection.AgentMrdState;
import dev.agentavailability.projection.AgentState;
import dev.agentavailability.projection.Anomaly;
import dev.agentavailability.projection.AvailabilityCounter;
import dev.agentavailability.projection.AvailabilityRule;
import dev.agentavailability.projection.ConfigView;
import dev.agentavailability.projection.PartitionProjection;
import dev.agentavailability.projection.Verdict;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;

/**
 * The lines of an incident timeline ({@link TopicReplay#replayEvents}) for one agent or one skill group within
 * {@code [from, to]}: for an agent, each event applied to it (or refused: an anomaly) and each domain status
 * change of its partition, with the agent's state, flags, tasks and verdict after it; for a skill group, each
 * event that changed the group's summed counts, with the counts before and after.
 */
public final class TimelineListener implements TopicReplay.StepListener {

    private final Instant from;
    private final Integer agentId;
    private final Integer skillGroupId;
    private final List<String> lines = new ArrayList<>();
    private final Map<Integer, SortedMap<Integer, AvailabilityCounts>> countsByPartition = new HashMap<>();
    private final Map<Integer, PartitionProjection> partitions = new HashMap<>();
    private String startLine;
    private boolean seen;

    private TimelineListener(Instant from, Integer agentId, Integer skillGroupId) {
        this.from = from;
        this.agentId = agentId;
        this.skillGroupId = skillGroupId;
    }

    public static TimelineListener forAgent(Instant from, int agentId) {
        return new TimelineListener(from, agentId, null);
    }

    public static TimelineListener forSkillGroup(Instant from, int skillGroupId) {
        return new TimelineListener(from, null, skillGroupId);
    }

    /** The start line (state at {@code from}) and one line per change, in event-time order. */
    public List<String> lines() {
        List<String> all = new ArrayList<>();
        all.add(startLine != null ? startLine : "at " + from + ": (no event)");
        all.addAll(lines);
        return all;
    }

    /** Whether any event of the agent (or any count of the group) was seen up to the window's end. */
    public boolean seen() {
        return seen;
    }

    /** Call once the replay is done: fixes the start line if no event fell in the window. */
    public void finish(ReplayState end) {
        if (startLine == null) {
            startLine = start(end.partitions(), end.config());
        }
    }

    @Override
    public void applied(TopicReplay.Step step) {
        Instant at = step.event().occurredAt();
        if (at.isBefore(from)) {
            remember(step);
            return;
        }
        if (startLine == null) {
            startLine = start(partitionsView(), step.config());
        }
        if (agentId != null) {
            agentStep(step);
        } else {
            AvailabilityCounts before = sum();
            remember(step);
            AvailabilityCounts after = sum();
            if (!before.equals(after)) {
                boolean flipped = (before.available() > 0) != (after.available() > 0);
                lines.add(at + "  p" + step.partition() + "@" + step.offset() + "  " + step.event().message()
                        + "  agent " + step.event().icmAgentId() + "  mrd " + step.event().mrdId() + "  "
                        + counts(before) + " -> " + counts(after)
                        + (flipped ? "  available>0 FLIPPED to " + (after.available() > 0) : ""));
            }
        }
    }

    @Override
    public void configChanged(ConfigEvent event, long offset, ConfigView config) {
        if (skillGroupId == null) {
            return;
        }
        AvailabilityCounts before = sum();
        for (PartitionProjection projection : partitions.values()) {
            countsByPartition.put(projection.partition(), AvailabilityCounter.bySkillGroup(projection, config));
        }
        AvailabilityCounts after = sum();
        if (!event.occurredAt().isBefore(from) && !before.equals(after)) {
            boolean flipped = (before.available() > 0) != (after.available() > 0);
            lines.add(event.occurredAt() + "  config@" + offset + "  " + event.op() + " " + event.kind() + " "
                    + event.id() + "  " + counts(before) + " -> " + counts(after)
                    + (flipped ? "  available>0 FLIPPED to " + (after.available() > 0) : ""));
        }
    }

    private void remember(TopicReplay.Step step) {
        partitions.put(step.partition(), step.projection());
        if (skillGroupId != null) {
            countsByPartition.put(step.partition(), AvailabilityCounter.bySkillGroup(step.projection(), step.config()));
            if (!sum().equals(AvailabilityCounts.ZERO)) {
                seen = true;
            }
        } else if (step.event().icmAgentId() == agentId) {
            seen = true;
        }
    }

    private Map<Integer, PartitionProjection> partitionsView() {
        return partitions;
    }

    private void agentStep(TopicReplay.Step step) {
        String head = step.event().occurredAt() + "  p" + step.partition() + "@" + step.offset() + "  "
                + step.event().message() + "  invoke " + step.event().invokeId() + "  mrd " + step.event().mrdId();
        PartitionProjection.Outcome outcome = step.outcome();
        if (outcome instanceof PartitionProjection.DomainStatusChanged) {
            remember(step);
            Optional<AgentState> agent = step.projection().agent(agentId);
            if (agent.isPresent()) {
                PartitionProjection.DomainStatusChanged change = (PartitionProjection.DomainStatusChanged) outcome;
                lines.add(head + "  domain " + (change.available() ? "available" : "UNAVAILABLE") + "  -> "
                        + describe(agent.get(), step.event().mrdId(), step.config(),
                                step.projection().unavailableDomains()));
            }
            return;
        }
        if (step.event().icmAgentId() != agentId) {
            remember(step);
            return;
        }
        remember(step);
        if (outcome instanceof PartitionProjection.Refused) {
            Anomaly anomaly = ((PartitionProjection.Refused) outcome).anomaly();
            lines.add(head + "  ANOMALY refused " + anomaly.status() + ": " + anomaly.reason());
        } else if (outcome instanceof PartitionProjection.Applied) {
            AgentState agent = ((PartitionProjection.Applied) outcome).agent();
            lines.add(head + "  -> " + describe(agent, step.event().mrdId(), step.config(),
                    step.projection().unavailableDomains()));
        }
    }

    private String start(Map<Integer, PartitionProjection> all, ConfigView config) {
        if (agentId != null) {
            for (PartitionProjection projection : all.values()) {
                Optional<AgentState> agent = projection.agent(agentId);
                if (agent.isPresent()) {
                    List<String> mrds = new ArrayList<>();
                    for (AgentMrdState mrd : agent.get().mrds().values()) {
                        mrds.add(describe(agent.get(), mrd.mrdId(), config, projection.unavailableDomains()));
                    }
                    return "at " + from + ": agent " + agentId + " " + String.join("; ", mrds);
                }
            }
            return "at " + from + ": agent " + agentId + " has no state (no event yet)";
        }
        return "at " + from + ": skill group " + skillGroupId + " " + counts(sum());
    }

    /** {@code mrd 5000 NOT_READY(0) [loggedIn routable !ready] tasks 0/2 NOT_AVAILABLE failed=[NOT_READY]}. */
    static String describe(AgentState agent, int mrdId, ConfigView config, Set<Integer> unavailableDomains) {
        Optional<AgentMrdState> found = agent.mrd(mrdId);
        if (found.isEmpty()) {
            return "mrd " + mrdId + " (not logged in)";
        }
        AgentMrdState mrd = found.get();
        Verdict verdict = AvailabilityRule.evaluate(agent, mrdId, config, unavailableDomains);
        return "mrd " + mrdId + " " + ReportListener.label(mrd) + " [" + (mrd.loggedIn() ? "" : "!") + "loggedIn "
                + (mrd.routable() ? "" : "!") + "routable " + (mrd.ready() ? "" : "!") + "ready"
                + (mrd.interrupted() ? " interrupted" : "") + "] tasks " + mrd.activeTasks() + "/" + mrd.taskLimit()
                + " " + verdict.status() + (verdict.reasons().isEmpty() ? "" : " failed=" + verdict.reasons());
    }

    private AvailabilityCounts sum() {
        AvailabilityCounts total = AvailabilityCounts.ZERO;
        for (SortedMap<Integer, AvailabilityCounts> counts : countsByPartition.values()) {
            total = total.plus(counts.getOrDefault(skillGroupId, AvailabilityCounts.ZERO));
        }
        return total;
    }

    static String counts(AvailabilityCounts c) {
        return "{loggedIn=" + c.loggedIn() + " ready=" + c.ready() + " routable=" + c.routable() + " available="
                + c.available() + " atTaskLimit=" + c.atTaskLimit() + " domainUnavailable=" + c.domainUnavailable()
                + " tasks=" + c.activeTasks() + "/" + c.taskLimit() + " busy=" + c.busy() + "}";
    }
}
