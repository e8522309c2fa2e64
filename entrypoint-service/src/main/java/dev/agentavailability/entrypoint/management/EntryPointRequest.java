package dev.agentavailability.entrypoint.management;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The body of {@code PUT /entry-points/{id}}.
 *
 * @param active optional, true when left out
 */
public record EntryPointRequest(
        @NotBlank @Size(max = 200) String name,
        @NotNull @Positive Integer mrdId,
        @NotEmpty @Size(max = 1000) List<@NotNull @Positive Integer> skillGroupIds,
        Boolean active) {

    /** The skill group ids without repeats, in the order given. */
    public int[] distinctSkillGroupIds() {
        return skillGroupIds.stream().mapToInt(Integer::intValue).distinct().toArray();
    }

    public boolean activeOrDefault() {
        return active == null || active;
    }
}
