package dev.agentavailability.contract.availability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AvailabilityKeyTest {

    @Test
    void aKeyReadsBackAsWritten() {
        AvailabilityKey key = new AvailabilityKey(6928, 2);
        assertThat(key.text()).isEqualTo("6928/2").isEqualTo(SkillGroupAvailability.key(6928, 2))
                .isEqualTo(MrdAvailability.key(6928, 2));
        assertThat(AvailabilityKey.parse(key.text())).contains(key);
    }

    @Test
    void anythingElseIsNoKey() {
        for (String text : List.of("", "6928", "6928/", "/2", "6928/-1", "a/2", "6928/2/1", "mrd:5000/3")) {
            assertThat(AvailabilityKey.parse(text)).as(text).isEmpty();
        }
        assertThat(AvailabilityKey.parse(null)).isEmpty();
    }
}
