package dev.agentavailability.router.config;

/** CDI event fired after a config event is applied: availability depends on memberships and MRD settings. */
public record ConfigChanged(long offset) {
}
