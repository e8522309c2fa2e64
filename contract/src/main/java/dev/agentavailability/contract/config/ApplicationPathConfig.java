package dev.agentavailability.contract.config;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * An application path: which MRDs one ARM client (an ECE instance's listener) may log agents into.
 */
public record ApplicationPathConfig(int id, String name, List<Integer> mrdIds) implements ConfigItem {

    public ApplicationPathConfig {
        // a membership named twice is one membership (and two would be one row twice in the reference tables)
        mrdIds = mrdIds == null ? List.of() : List.copyOf(new LinkedHashSet<>(mrdIds));
    }

    @Override
    @JsonIgnore
    public ConfigKind kind() {
        return ConfigKind.APPLICATION_PATH;
    }
}
