package dev.agentavailability.contract.entrypoint;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Everything the initialize answer of an entry point depends on, as the entry point service stored it. Carried
 * whole by each {@link EntryPointEvent} so that a replay can answer for the entry point at any instant.
 *
 * @param skillGroupIds     the skill groups of the entry point's queue
 * @param maxQueueDepth     0 = no limit
 * @param availabilityScope whose agents count: the skill groups (ECE 12.0) or the whole MRD (ECE 11.6)
 * @param businessHours     null = always open
 * @param chatSettings      ECE's chat settings, echoed by initialize (opaque here)
 */
public record EntryPointSettings(String name, int mrdId, List<Integer> skillGroupIds, boolean active,
        int maxQueueDepth, AvailabilityScope availabilityScope, int maxWaitSeconds, BusinessHoursSettings businessHours,
        String offHoursMessage, List<String> allowedOrigins, JsonNode chatSettings) {

    public EntryPointSettings {
        skillGroupIds = skillGroupIds == null ? List.of() : List.copyOf(skillGroupIds);
        allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
        availabilityScope = availabilityScope == null ? AvailabilityScope.SKILL_GROUP : availabilityScope;
    }
}
