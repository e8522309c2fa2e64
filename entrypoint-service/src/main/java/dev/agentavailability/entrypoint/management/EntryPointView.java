package dev.agentavailability.entrypoint.management;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.agentavailability.contract.ContractJson;
import dev.agentavailability.contract.entrypoint.AvailabilityScope;
import dev.agentavailability.contract.entrypoint.BusinessHoursSettings;
import dev.agentavailability.contract.entrypoint.EntryPointSettings;
import dev.agentavailability.entrypoint.management.ChatSettings;
import dev.agentavailability.projection.entrypoint.BusinessCalendar;
import java.util.Arrays;
import java.util.List;

/**
 * An immutable copy of an entry point: what the management API answers and what the in-memory cache holds.
 *
 * @param calendar the business hours ready to evaluate (not part of the JSON)
 */
public record EntryPointView(long id, String name, int mrdId, List<Integer> skillGroupIds, boolean active,
        int maxQueueDepth, AvailabilityScope availabilityScope, int maxWaitSeconds,
        BusinessHoursSettings businessHours, String offHoursMessage, List<String> allowedOrigins,
        ChatSettings chatSettings, @JsonIgnore BusinessCalendar calendar) {

    public static final String DEFAULT_OFF_HOURS_MESSAGE = "Thank you for your inquiry. Our hours are 9am to 5pm";
    public static final int DEFAULT_MAX_WAIT_SECONDS = 300;

    public EntryPointView {
        skillGroupIds = List.copyOf(skillGroupIds);
        availabilityScope = availabilityScope == null ? AvailabilityScope.SKILL_GROUP : availabilityScope;
        offHoursMessage = offHoursMessage == null ? DEFAULT_OFF_HOURS_MESSAGE : offHoursMessage;
        allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
        chatSettings = chatSettings == null ? ChatSettings.DEFAULTS : chatSettings;
        calendar = calendar != null ? calendar : BusinessCalendar.of(businessHours);
    }

    /** An entry point with every setting at its default (always open, no queue limit, skill-group scope). */
    public EntryPointView(long id, String name, int mrdId, List<Integer> skillGroupIds, boolean active) {
        this(id, name, mrdId, skillGroupIds, active, 0, AvailabilityScope.SKILL_GROUP, DEFAULT_MAX_WAIT_SECONDS, null,
                DEFAULT_OFF_HOURS_MESSAGE, List.of(), ChatSettings.DEFAULTS, null);
    }

    /** An entry point from the settings the entry-point topic carries (another instance's change). */
    public static EntryPointView of(long id, EntryPointSettings s) {
        ChatSettings chat;
        try {
            chat = s.chatSettings() == null || s.chatSettings().isNull() ? null
                    : ContractJson.mapper().treeToValue(s.chatSettings(), ChatSettings.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("entry point " + id + ": unreadable chatSettings: " + e.getMessage(), e);
        }
        return new EntryPointView(id, s.name(), s.mrdId(), s.skillGroupIds(), s.active(), s.maxQueueDepth(),
                s.availabilityScope(), s.maxWaitSeconds(), s.businessHours(), s.offHoursMessage(), s.allowedOrigins(),
                chat, null);
    }

    /** The settings as the entry-point topic carries them. */
    public EntryPointSettings settings() {
        return new EntryPointSettings(name, mrdId, skillGroupIds, active, maxQueueDepth, availabilityScope,
                maxWaitSeconds, businessHours, offHoursMessage, allowedOrigins,
                ContractJson.mapper().valueToTree(chatSettings));
    }

    public boolean allowsOrigin(String origin) {
        return origin != null && allowedOrigins.contains(origin);
    }

    static List<Integer> ids(int[] ids) {
        return ids == null ? List.of() : Arrays.stream(ids).boxed().toList();
    }
}
