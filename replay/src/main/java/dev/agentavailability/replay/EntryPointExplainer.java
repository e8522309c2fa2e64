package dev.agentavailability.replay;

import dev.agentavailability.contract.availability.AvailabilityCounts;
import dev.agentavailability.contract.entrypoint.AvailabilityScope;
import dev.agentavailability.contract.entrypoint.EntryPointSettings;
import dev.agentavailability.projection.AvailabilityCounter;
import dev.agentavailability.projection.ConfigView;
import dev.agentavailability.projection.PartitionProjection;
import dev.agentavailability.projection.entrypoint.BusinessCalendar;
import dev.agentavailability.projection.entrypoint.Explanation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An entry point's initialize answer at an instant, from replayed state: the counts come from the replayed
 * partitions through {@link AvailabilityCounter} (what the router publishes to the availability topics), the
 * queue depth and settings from {@link EntryPointsState}, and the decision from the same rule table
 * ({@link Explanation#of}) that the entry point service answers with.
 */
public final class EntryPointExplainer {

    private EntryPointExplainer() {
    }

    /** Empty when the entry point did not exist at {@code at}. */
    public static Optional<Explanation> explain(long entryPointId, Instant at, EntryPointsState entryPoints,
            Map<Integer, PartitionProjection> partitions, ConfigView config) {
        return entryPoints.settings(entryPointId).map(s -> explain(entryPointId, at, s.settings(),
                entryPoints.queueDepth(entryPointId), partitions, config));
    }

    public static Explanation explain(long entryPointId, Instant at, EntryPointSettings settings, int queueDepth,
            Map<Integer, PartitionProjection> partitions, ConfigView config) {
        List<Explanation.Source> sources = new ArrayList<>();
        AvailabilityCounts inScope = AvailabilityCounts.ZERO;
        if (settings.availabilityScope() == AvailabilityScope.MRD) {
            Counted mrd = count("MRD", settings.mrdId(), partitions, config);
            sources.add(mrd.source());
            inScope = mrd.total();
        } else {
            for (int skillGroupId : settings.skillGroupIds()) {
                Counted group = count("SKILL_GROUP", skillGroupId, partitions, config);
                sources.add(group.source());
                inScope = inScope.plus(group.total());
            }
        }
        BusinessCalendar.Decision calendar = BusinessCalendar.of(settings.businessHours()).decide(at);
        return Explanation.of(entryPointId, at, settings, calendar, queueDepth, inScope, sources);
    }

    private record Counted(Explanation.Source source, AvailabilityCounts total) {
    }

    private static Counted count(String kind, int id, Map<Integer, PartitionProjection> partitions,
            ConfigView config) {
        List<Explanation.PartitionRecord> records = new ArrayList<>();
        AvailabilityCounts total = AvailabilityCounts.ZERO;
        for (PartitionProjection p : partitions.values()) {
            Map<Integer, AvailabilityCounts> counts = kind.equals("MRD") ? AvailabilityCounter.byMrd(p, config)
                    : AvailabilityCounter.bySkillGroup(p, config);
            AvailabilityCounts c = counts.getOrDefault(id, AvailabilityCounts.ZERO);
            total = total.plus(c);
            records.add(new Explanation.PartitionRecord(p.partition(), p.nextOffset() - 1, p.lastEventAt(),
                    Explanation.Counts.of(c)));
        }
        return new Counted(new Explanation.Source(kind, id, Explanation.Counts.of(total), records), total);
    }
}
