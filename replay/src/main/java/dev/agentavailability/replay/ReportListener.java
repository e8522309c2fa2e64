package dev.agentavailability.replay;

import dev.agentavailability.contract.arm.IcmAgentState;
import dev.agentavailability.contract.availability.AvailabilityCounts;
import dev.agentavailability.contract.config.ConfigEvent;
import dev.agentavailability.contract.config.SkillGroupConfig;
import dev.agentavailability.projection.AgentMrdState;
import dev.agentavailability.projection.AgentState;
import dev.agentavailability.projection.AvailabilityCounter;
import dev.agentavailability.projection.ConfigView;
import dev.agentavailability.projection.PartitionProjection;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Time in state from a replay ({@link TopicReplay#replayEvents}): per agent and MRD the time in each ICM state
 * ({@link #label}), per skill group the time with at least one agent available and with none, within
 * {@code [from, to]}. The state at {@code from} is the one after every event up to it; each later event that
 * changes a label starts the next stretch at the event's time.
 */
public final class ReportListener implements TopicReplay.StepListener {

    public static final String LOGOUT = "LOGOUT";
    public static final String AVAILABLE = "AVAILABLE";
    public static final String NONE_AVAILABLE = "NONE_AVAILABLE";

    /** An agent's MRD. */
    public record AgentMrd(int agent, int mrdId) implements Comparable<AgentMrd> {
        @Override
        public int compareTo(AgentMrd o) {
            int byAgent = Integer.compare(agent, o.agent);
            return byAgent != 0 ? byAgent : Integer.compare(mrdId, o.mrdId);
        }
    }

    /** The accounting: time per label for each agent MRD and each skill group. */
    public record Report(Instant from, Instant to, Map<AgentMrd, Map<String, Duration>> agents,
            Map<Integer, Map<String, Duration>> skillGroups) {
    }

    private final Instant from;
    private final Instant to;
    private final ReportClock<AgentMrd> agentClock;
    private final ReportClock<Integer> groupClock;
    private final Map<Integer, SortedMap<Integer, AvailabilityCounts>> countsByPartition = new HashMap<>();
    private final Map<Integer, PartitionProjection> partitions = new HashMap<>();

    public ReportListener(Instant from, Instant to) {
        this.from = from;
        this.to = to;
        this.agentClock = new ReportClock<>(from, to, LOGOUT);
        this.groupClock = new ReportClock<>(from, to, NONE_AVAILABLE);
    }

    /** The report label of an agent's MRD: LOGOUT, NOT_READY(reason), or the ICM state's name. */
    public static String label(AgentMrdState mrd) {
        if (!mrd.loggedIn() || mrd.state() == IcmAgentState.LOGOUT) {
            return LOGOUT;
        }
        if (mrd.state() == IcmAgentState.NOT_READY) {
            return "NOT_READY(" + mrd.notReadyReason() + ")";
        }
        return mrd.state().name();
    }

    @Override
    public void applied(TopicReplay.Step step) {
        Instant at = step.event().occurredAt();
        if (step.outcome() instanceof PartitionProjection.Applied) {
            AgentState agent = ((PartitionProjection.Applied) step.outcome()).agent();
            for (AgentMrdState mrd : agent.mrds().values()) {
                agentClock.set(new AgentMrd(agent.icmAgentId(), mrd.mrdId()), label(mrd), at);
            }
        }
        partitions.put(step.partition(), step.projection());
        countsByPartition.put(step.partition(), AvailabilityCounter.bySkillGroup(step.projection(), step.config()));
        updateGroups(at, step.config());
    }

    @Override
    public void configChanged(ConfigEvent event, long offset, ConfigView config) {
        for (PartitionProjection projection : partitions.values()) {
            countsByPartition.put(projection.partition(), AvailabilityCounter.bySkillGroup(projection, config));
        }
        updateGroups(event.occurredAt(), config);
    }

    private void updateGroups(Instant at, ConfigView config) {
        Map<Integer, AvailabilityCounts> sums = sums();
        for (SkillGroupConfig group : config.all(dev.agentavailability.contract.config.ConfigKind.SKILL_GROUP)
                .stream().map(SkillGroupConfig.class::cast).toList()) {
            sums.putIfAbsent(group.id(), AvailabilityCounts.ZERO);
        }
        sums.forEach((group, counts) -> groupClock.set(group, counts.available() > 0 ? AVAILABLE : NONE_AVAILABLE,
                at));
    }

    private Map<Integer, AvailabilityCounts> sums() {
        Map<Integer, AvailabilityCounts> sums = new TreeMap<>();
        for (SortedMap<Integer, AvailabilityCounts> counts : countsByPartition.values()) {
            counts.forEach((group, c) -> sums.merge(group, c, AvailabilityCounts::plus));
        }
        return sums;
    }

    /** Closes the window; the final state (at {@code to}) names the agents and groups to report on. */
    public Report finish(ReplayState end) {
        for (PartitionProjection projection : end.partitions().values()) {
            for (AgentState agent : projection.agents()) {
                for (AgentMrdState mrd : agent.mrds().values()) {
                    agentClock.touch(new AgentMrd(agent.icmAgentId(), mrd.mrdId()));
                }
            }
        }
        for (Object item : end.config().all(dev.agentavailability.contract.config.ConfigKind.SKILL_GROUP)) {
            groupClock.touch(((SkillGroupConfig) item).id());
        }
        return new Report(from, to, agentClock.finish(), groupClock.finish());
    }
}
