package dev.agentavailability.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The defaults are the lab's demo: its agents of the chat MRD and its entry points. */
class DemoDefaultsTest {

    private static final Path LAB_RESOURCES = Path.of("../lab/src/main/resources");

    @Test
    void theDefaultAgentsAreTheDemoAgentsOfTheChatMrdInFileOrder() throws Exception {
        JsonNode lab = new ObjectMapper(new YAMLFactory()).readTree(LAB_RESOURCES.resolve("demo-lab.yaml").toFile());
        Set<Integer> chatGroups = new HashSet<>();
        for (JsonNode group : lab.path("skillGroups")) {
            if (group.path("mrdId").asInt() == SimulatorSettings.DEMO_MRD) {
                chatGroups.add(group.path("id").asInt());
            }
        }
        List<Integer> agents = new ArrayList<>();
        for (JsonNode agent : lab.path("agents")) {
            for (JsonNode group : agent.path("skillGroupIds")) {
                if (chatGroups.contains(group.asInt())) {
                    agents.add(agent.path("id").asInt());
                    break;
                }
            }
        }
        boolean pathCoversMrd = false;
        for (JsonNode path : lab.path("applicationPaths")) {
            for (JsonNode mrd : path.path("mrdIds")) {
                pathCoversMrd |= mrd.asInt() == SimulatorSettings.DEMO_MRD;
            }
        }

        assertThat(SimulatorSettings.defaults().agentIds()).containsExactlyElementsOf(agents);
        assertThat(pathCoversMrd).as("the listener may log agents into the MRD").isTrue();
    }

    @Test
    void theDefaultEntryPointsAreTheDemoEntryPointsOfTheChatMrd() throws Exception {
        JsonNode entryPoints = new ObjectMapper().readTree(
                Files.readString(LAB_RESOURCES.resolve("demo-entry-points.json")));
        List<Long> ids = new ArrayList<>();
        for (JsonNode entryPoint : entryPoints) {
            assertThat(entryPoint.path("mrdId").asInt()).isEqualTo(SimulatorSettings.DEMO_MRD);
            ids.add(entryPoint.path("id").asLong());
        }

        assertThat(SimulatorSettings.defaults().entryPointIds()).containsExactlyElementsOf(ids);
    }
}
