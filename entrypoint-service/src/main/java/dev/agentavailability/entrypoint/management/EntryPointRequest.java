package dev.agentavailability.entrypoint.management;

import dev.agentavailability.contract.PlainText;
import dev.agentavailability.contract.entrypoint.AvailabilityScope;
import dev.agentavailability.contract.entrypoint.BusinessHoursSettings;
import dev.agentavailability.entrypoint.calendar.ValidBusinessHours;
import dev.agentavailability.entrypoint.management.ChatSettings;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The body of {@code PUT /entry-points/{id}}. Every field after {@code skillGroupIds} is optional.
 *
 * @param active            true when left out
 * @param maxQueueDepth     chats that may wait at once; 0 (default) = no limit
 * @param availabilityScope SKILL_GROUP (default, ECE 12.0) or MRD (ECE 11.6)
 * @param maxWaitSeconds    how long a chat may wait before it times out; 300 when left out
 * @param businessHours     null (default) = always open
 * @param offHoursMessage   the text answered off hours; {@link EntryPointView#DEFAULT_OFF_HOURS_MESSAGE} when left out
 * @param allowedOrigins    the browser origins allowed to call the public API (CORS); none when left out
 * @param chatSettings      the settings echoed by initialize; the defaults when left out
 */
public record EntryPointRequest(
        @NotBlank @Size(max = 200) @Pattern(regexp = PlainText.NO_CONTROL_CHARACTERS,
                message = PlainText.CONTROL_CHARACTERS_MESSAGE) String name,
        @NotNull @Positive Integer mrdId,
        @NotEmpty @Size(max = 1000) List<@NotNull @Positive Integer> skillGroupIds,
        Boolean active,
        @PositiveOrZero Integer maxQueueDepth,
        @Pattern(regexp = "SKILL_GROUP|MRD", message = "must be SKILL_GROUP or MRD") String availabilityScope,
        @Positive Integer maxWaitSeconds,
        @ValidBusinessHours BusinessHoursSettings businessHours,
        @Size(min = 1, max = 2000) @Pattern(regexp = PlainText.NO_CONTROL_CHARACTERS_BUT_LINES,
                message = PlainText.CONTROL_CHARACTERS_MESSAGE) String offHoursMessage,
        @Size(max = 100) List<@NotNull @Pattern(regexp = "https?://[^/\\s]+",
                message = "must be an origin such as https://www.example.com (scheme://host[:port])") String> allowedOrigins,
        @Valid ChatSettings chatSettings) {

    /** The V1 fields only; everything else takes its default. */
    public EntryPointRequest(String name, Integer mrdId, List<Integer> skillGroupIds, Boolean active) {
        this(name, mrdId, skillGroupIds, active, null, null, null, null, null, null, null);
    }

    /** The skill group ids without repeats, in the order given. */
    public int[] distinctSkillGroupIds() {
        return skillGroupIds.stream().mapToInt(Integer::intValue).distinct().toArray();
    }

    public boolean activeOrDefault() {
        return active == null || active;
    }

    public int maxQueueDepthOrDefault() {
        return maxQueueDepth == null ? 0 : maxQueueDepth;
    }

    public AvailabilityScope scopeOrDefault() {
        return availabilityScope == null ? AvailabilityScope.SKILL_GROUP : AvailabilityScope.valueOf(availabilityScope);
    }

    public int maxWaitSecondsOrDefault() {
        return maxWaitSeconds == null ? EntryPointView.DEFAULT_MAX_WAIT_SECONDS : maxWaitSeconds;
    }

    public String offHoursMessageOrDefault() {
        return offHoursMessage == null ? EntryPointView.DEFAULT_OFF_HOURS_MESSAGE : offHoursMessage;
    }

    public List<String> allowedOriginsOrDefault() {
        return allowedOrigins == null ? List.of() : allowedOrigins.stream().distinct().toList();
    }

    public ChatSettings chatSettingsOrDefault() {
        return chatSettings == null ? ChatSettings.DEFAULTS : chatSettings;
    }
}
