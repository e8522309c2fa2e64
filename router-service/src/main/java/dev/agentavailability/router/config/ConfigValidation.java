package dev.agentavailability.router.config;

import dev.agentavailability.contract.config.AgentConfig;
import dev.agentavailability.contract.config.ApplicationPathConfig;
import dev.agentavailability.contract.config.ConfigItem;
import dev.agentavailability.contract.config.ConfigKind;
import dev.agentavailability.contract.config.MrdConfig;
import dev.agentavailability.contract.config.SkillGroupConfig;
import dev.agentavailability.projection.ConfigView;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks items before they are published: ids positive, names given, printable and of bounded length, and every
 * MRD or skill group an item names exists, in the current config or among the items published with it.
 */
final class ConfigValidation {

    record Violation(String field, String message) {
        Map<String, String> asMap() {
            return Map.of("field", field, "message", message);
        }
    }

    private ConfigValidation() {
    }

    static List<Violation> check(List<ConfigItem> items, ConfigView current, String prefix) {
        Set<Integer> mrds = ids(current, ConfigKind.MRD);
        Set<Integer> skillGroups = ids(current, ConfigKind.SKILL_GROUP);
        for (ConfigItem item : items) {
            if (item instanceof MrdConfig) {
                mrds.add(item.id());
            } else if (item instanceof SkillGroupConfig) {
                skillGroups.add(item.id());
            }
        }
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            ConfigItem item = items.get(i);
            String at = prefix.isEmpty() ? "" : prefix + "[" + i + "].";
            if (item.id() <= 0) {
                violations.add(new Violation(at + "id", "must be a positive id"));
            }
            String nameFault = ConfigItem.nameFault(item.name());
            if (nameFault != null) {
                violations.add(new Violation(at + "name", nameFault));
            }
            if (item instanceof SkillGroupConfig sg && !mrds.contains(sg.mrdId())) {
                violations.add(new Violation(at + "mrdId", "MRD " + sg.mrdId() + " is not configured"));
            }
            if (item instanceof AgentConfig agent) {
                agent.skillGroupIds().stream().filter(id -> !skillGroups.contains(id)).forEach(id ->
                        violations.add(new Violation(at + "skillGroupIds", "skill group " + id + " is not configured")));
            }
            if (item instanceof ApplicationPathConfig path) {
                path.mrdIds().stream().filter(id -> !mrds.contains(id)).forEach(id ->
                        violations.add(new Violation(at + "mrdIds", "MRD " + id + " is not configured")));
            }
        }
        return violations;
    }

    /** Who still names the item, so that deleting it would leave a dangling reference. */
    static List<String> referencesTo(ConfigKind kind, int id, ConfigView current) {
        List<String> users = new ArrayList<>();
        if (kind == ConfigKind.MRD) {
            current.all(ConfigKind.SKILL_GROUP).stream().map(SkillGroupConfig.class::cast)
                    .filter(sg -> sg.mrdId() == id).forEach(sg -> users.add(sg.key()));
            current.all(ConfigKind.APPLICATION_PATH).stream().map(ApplicationPathConfig.class::cast)
                    .filter(p -> p.mrdIds().contains(id)).forEach(p -> users.add(p.key()));
        } else if (kind == ConfigKind.SKILL_GROUP) {
            current.all(ConfigKind.AGENT).stream().map(AgentConfig.class::cast)
                    .filter(a -> a.skillGroupIds().contains(id)).forEach(a -> users.add(a.key()));
        }
        return users;
    }

    private static Set<Integer> ids(ConfigView view, ConfigKind kind) {
        Set<Integer> ids = new HashSet<>();
        view.all(kind).forEach(item -> ids.add(item.id()));
        return ids;
    }
}
