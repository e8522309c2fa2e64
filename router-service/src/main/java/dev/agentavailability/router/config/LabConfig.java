package dev.agentavailability.router.config;

import dev.agentavailability.contract.config.AgentConfig;
import dev.agentavailability.contract.config.ApplicationPathConfig;
import dev.agentavailability.contract.config.ConfigItem;
import dev.agentavailability.contract.config.ConfigKind;
import dev.agentavailability.contract.config.MrdConfig;
import dev.agentavailability.contract.config.SkillGroupConfig;
import dev.agentavailability.projection.ConfigView;
import java.util.ArrayList;
import java.util.List;

/** A whole set of reference data, as a lab file (YAML or JSON) writes it. */
public record LabConfig(List<MrdConfig> mrds, List<SkillGroupConfig> skillGroups,
        List<ApplicationPathConfig> applicationPaths, List<AgentConfig> agents) {

    public LabConfig {
        mrds = mrds == null ? List.of() : List.copyOf(mrds);
        skillGroups = skillGroups == null ? List.of() : List.copyOf(skillGroups);
        applicationPaths = applicationPaths == null ? List.of() : List.copyOf(applicationPaths);
        agents = agents == null ? List.of() : List.copyOf(agents);
    }

    public static LabConfig of(ConfigView view) {
        return new LabConfig(
                view.all(ConfigKind.MRD).stream().map(MrdConfig.class::cast).toList(),
                view.all(ConfigKind.SKILL_GROUP).stream().map(SkillGroupConfig.class::cast).toList(),
                view.all(ConfigKind.APPLICATION_PATH).stream().map(ApplicationPathConfig.class::cast).toList(),
                view.all(ConfigKind.AGENT).stream().map(AgentConfig.class::cast).toList());
    }

    /** Items in the order that keeps references valid: MRDs, skill groups, application paths, agents. */
    public List<ConfigItem> items() {
        List<ConfigItem> all = new ArrayList<>();
        all.addAll(mrds);
        all.addAll(skillGroups);
        all.addAll(applicationPaths);
        all.addAll(agents);
        return all;
    }
}
