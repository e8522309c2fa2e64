package dev.agentavailability.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentavailability.simulator.SimulatorSettings;
import org.junit.jupiter.api.Test;

/** bin/lab's simulator options (bin/lab turns them into the system properties, which LabMain reads too). */
class LabMainTest {

    @Test
    void theSimulatorRunsByDefaultAtTheGentleRateOnTheDemo() {
        SimulatorSettings settings = LabMain.simulation(new String[0]);

        assertThat(settings.rate()).isEqualTo(SimulatorSettings.DEFAULT_RATE);
        assertThat(settings.seed()).isEqualTo(SimulatorSettings.DEFAULT_SEED);
        assertThat(settings.agentIds()).isEqualTo(SimulatorSettings.DEMO_AGENTS);
        assertThat(settings.duration()).isNull();
        assertThat(settings.maxActions()).isZero();
    }

    @Test
    void optionsSwitchItOffOrSetRateAndSeed() {
        assertThat(LabMain.simulation(new String[] {"--no-simulator"})).isNull();
        SimulatorSettings settings = LabMain.simulation(new String[] {"--sim-rate", "0.5", "--sim-seed=7"});
        assertThat(settings.rate()).isEqualTo(0.5);
        assertThat(settings.seed()).isEqualTo(7);
    }

    @Test
    void badOptionsAreNamed() {
        assertThatThrownBy(() -> LabMain.simulation(new String[] {"--sim-rate"})).hasMessage("--sim-rate needs a value");
        assertThatThrownBy(() -> LabMain.simulation(new String[] {"--sim-rate", "fast"}))
                .hasMessageContaining("is not a number");
        assertThatThrownBy(() -> LabMain.simulation(new String[] {"--sim-rate", "-1"}))
                .hasMessageContaining("rate must be a positive number");
        assertThatThrownBy(() -> LabMain.simulation(new String[] {"--simulate"})).hasMessage("unknown option '--simulate'");
    }
}
