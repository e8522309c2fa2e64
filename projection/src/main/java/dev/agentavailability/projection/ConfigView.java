package dev.agentavailability.projection;

import dev.agentavailability.contract.config.AgentConfig;
import dev.agentavailability.contract.config.ApplicationPathConfig;
import dev.agentavailability.contract.config.ConfigEvent;
import dev.agentavailability.contract.config.ConfigItem;
import dev.agentavailability.contract.config.ConfigKind;
import dev.agentavailability.contract.config.MrdConfig;
import dev.agentavailability.contract.config.SkillGroupConfig;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The reference data as of the config events applied so far. Not thread-safe: the owner applies events
 * and hands out {@link #copy()} to readers.
 */
public final class ConfigView {

    private final EnumMap<ConfigKind, SortedMap<Integer, ConfigItem>> items = new EnumMap<>(ConfigKind.class);
    private long nextOffset;

    public ConfigView() {
        for (ConfigKind kind : ConfigKind.values()) {
            items.put(kind, new TreeMap<>());
        }
    }

    public void apply(ConfigEvent event, long offset) {
        SortedMap<Integer, ConfigItem> ofKind = items.get(event.kind());
        if (event.op() == ConfigEvent.Op.DELETE) {
            ofKind.remove(event.id());
        } else {
            ofKind.put(event.id(), event.item());
        }
        nextOffset = Math.max(nextOffset, offset + 1);
    }

    /** Moves past a record that could not be read (it went to the dead-letter topic). */
    public void skip(long offset) {
        nextOffset = Math.max(nextOffset, offset + 1);
    }

    public long nextOffset() {
        return nextOffset;
    }

    public ConfigView copy() {
        ConfigView copy = new ConfigView();
        items.forEach((kind, map) -> copy.items.get(kind).putAll(map));
        copy.nextOffset = nextOffset;
        return copy;
    }

    public Optional<MrdConfig> mrd(int id) {
        return get(ConfigKind.MRD, id, MrdConfig.class);
    }

    public Optional<SkillGroupConfig> skillGroup(int id) {
        return get(ConfigKind.SKILL_GROUP, id, SkillGroupConfig.class);
    }

    public Optional<AgentConfig> agent(int id) {
        return get(ConfigKind.AGENT, id, AgentConfig.class);
    }

    public Optional<ApplicationPathConfig> applicationPath(int id) {
        return get(ConfigKind.APPLICATION_PATH, id, ApplicationPathConfig.class);
    }

    public Collection<ConfigItem> all(ConfigKind kind) {
        return items.get(kind).values();
    }

    public Map<ConfigKind, SortedMap<Integer, ConfigItem>> asMap() {
        return items;
    }

    /** Whether tasks of the MRD may be interrupted; an unknown MRD counts as non-interruptible, as voice is. */
    public boolean isInterruptible(int mrdId) {
        return mrd(mrdId).map(MrdConfig::interruptible).orElse(false);
    }

    /** The skill groups an agent configured in them belongs to within one MRD (the default group is separate). */
    public List<SkillGroupConfig> configuredSkillGroups(int agentId, int mrdId) {
        return agent(agentId).stream()
                .flatMap(a -> a.skillGroupIds().stream())
                .map(this::skillGroup)
                .flatMap(Optional::stream)
                .filter(sg -> sg.mrdId() == mrdId && !sg.defaultGroup())
                .sorted((a, b) -> Integer.compare(a.id(), b.id()))
                .toList();
    }

    /** The MRD's default skill groups, which every agent logged into the MRD is in. */
    public List<SkillGroupConfig> defaultSkillGroups(int mrdId) {
        return all(ConfigKind.SKILL_GROUP).stream()
                .map(SkillGroupConfig.class::cast)
                .filter(sg -> sg.mrdId() == mrdId && sg.defaultGroup())
                .toList();
    }

    /** Configured then default skill groups of the agent in the MRD: the groups it is logged into. */
    public List<SkillGroupConfig> skillGroupsOf(int agentId, int mrdId) {
        List<SkillGroupConfig> configured = configuredSkillGroups(agentId, mrdId);
        List<SkillGroupConfig> defaults = defaultSkillGroups(mrdId);
        if (defaults.isEmpty()) {
            return configured;
        }
        java.util.ArrayList<SkillGroupConfig> all = new java.util.ArrayList<>(configured);
        all.addAll(defaults);
        return all;
    }

    private <T extends ConfigItem> Optional<T> get(ConfigKind kind, int id, Class<T> type) {
        return Optional.ofNullable(items.get(kind).get(id)).map(type::cast);
    }
}
