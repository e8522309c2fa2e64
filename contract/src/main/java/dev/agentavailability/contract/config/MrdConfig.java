package dev.agentavailability.contract.config;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A media routing domain.
 *
 * @param interruptible whether a task of this MRD may be interrupted by a non-interruptible one from another MRD;
 *                      an agent working a task of a non-interruptible MRD is not available in any other MRD
 */
public record MrdConfig(int id, String name, boolean interruptible) implements ConfigItem {

    @Override
    @JsonIgnore
    public ConfigKind kind() {
        return ConfigKind.MRD;
    }
}
