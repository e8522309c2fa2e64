package dev.agentavailability.entrypoint.availability;

import dev.agentavailability.contract.availability.AvailabilityCounts;
import dev.agentavailability.contract.availability.AvailabilityKey;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;
import java.util.function.ToIntFunction;

/**
 * The business gauges: agents per skill group and per MRD as the entry point counts them (summed over the
 * agent-event partitions), by count (logged in, ready, routable, available, busy, at the task limit), for the
 * dashboard and the "chats wait with nobody available" alert. A gauge appears with the first record of its group.
 */
@ApplicationScoped
public class AvailabilityGauges {

    /** Each count a gauge reports, under the tag value it has. */
    private static final Map<String, ToIntFunction<AvailabilityCounts>> COUNTS = Map.of(
            "loggedIn", AvailabilityCounts::loggedIn,
            "ready", AvailabilityCounts::ready,
            "routable", AvailabilityCounts::routable,
            "available", AvailabilityCounts::available,
            "busy", AvailabilityCounts::busy,
            "atTaskLimit", AvailabilityCounts::atTaskLimit);

    private final MeterRegistry meters;
    private final AvailabilityView view;
    private final Set<Integer> skillGroups = ConcurrentHashMap.newKeySet();
    private final Set<Integer> mrds = ConcurrentHashMap.newKeySet();

    AvailabilityGauges(MeterRegistry meters, AvailabilityView view) {
        this.meters = meters;
        this.view = view;
    }

    /** A record of the skill-group topic was read under {@code key}. */
    void skillGroupRecord(String key) {
        seen(key, skillGroups, "availability.skill.group.agents", "skillGroup", view::skillGroup);
    }

    /** A record of the MRD topic was read under {@code key}. */
    void mrdRecord(String key) {
        seen(key, mrds, "availability.mrd.agents", "mrd", view::mrd);
    }

    private void seen(String key, Set<Integer> known, String name, String tag, IntFunction<AvailabilityCounts> counts) {
        AvailabilityKey.parse(key).map(AvailabilityKey::id).filter(known::add).ifPresent(id -> COUNTS.forEach(
                (count, value) -> Gauge.builder(name, () -> value.applyAsInt(counts.apply(id)))
                        .description("agents per " + tag + " as the entry point counts them, by count")
                        .tag(tag, Integer.toString(id)).tag("count", count).register(meters)));
    }
}
