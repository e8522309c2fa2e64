package dev.agentavailability.entrypoint.availability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentavailability.contract.ContractJson;
import dev.agentavailability.contract.availability.AvailabilityCounts;
import dev.agentavailability.contract.availability.MrdAvailability;
import dev.agentavailability.contract.availability.SkillGroupAvailability;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AvailabilityViewTest {

    private final AvailabilityView view = new AvailabilityView();

    private static AvailabilityCounts available(int available) {
        return new AvailabilityCounts(available, available, available, available, 0, 0, 0, available, 0);
    }

    private static String skillGroup(int skillGroupId, int partition, AvailabilityCounts counts) {
        return ContractJson.write(new SkillGroupAvailability(SkillGroupAvailability.SCHEMA_VERSION, skillGroupId, 5000,
                partition, counts, 10, Instant.parse("2025-01-01T00:00:00Z")));
    }

    @Test
    void skillGroupRecordsOfTwoPartitionsAreSummedAndALaterRecordReplaces() {
        view.applySkillGroup("6928/0", skillGroup(6928, 0, available(1)));
        view.applySkillGroup("6928/1", skillGroup(6928, 1, available(2)));
        assertThat(view.skillGroup(6928).available()).isEqualTo(3);

        view.applySkillGroup("6928/0", skillGroup(6928, 0, available(0)));
        assertThat(view.skillGroup(6928).available()).isEqualTo(2);
    }

    @Test
    void aNullValueDeletesTheKey() {
        view.applySkillGroup("6928/0", skillGroup(6928, 0, available(1)));

        assertThat(view.applySkillGroup("6928/0", null).kind()).isEqualTo(AvailabilityView.Applied.Kind.REMOVED);
        assertThat(view.skillGroup(6928)).isEqualTo(AvailabilityCounts.ZERO);
    }

    @Test
    void malformedRecordsAreRefusedWithAReasonAndCounted() {
        view.applySkillGroup("6928/0", skillGroup(6928, 0, available(1)));

        AvailabilityView.Applied notJson = view.applySkillGroup("6928/0", "{not json");
        AvailabilityView.Applied keyMismatch = view.applySkillGroup("6928/1", skillGroup(6928, 0, available(0)));
        AvailabilityView.Applied badKey = view.applySkillGroup("6928", skillGroup(6928, 0, available(0)));
        AvailabilityView.Applied negative = view.applySkillGroup("6928/0",
                skillGroup(6928, 0, new AvailabilityCounts(1, 1, 1, -1, 0, 0, 0, 1, 0)));
        AvailabilityView.Applied empty = view.applySkillGroup("6928/0", "");

        assertThat(notJson.isMalformed()).isTrue();
        assertThat(notJson.error()).contains("JSON");
        assertThat(keyMismatch.error()).contains("does not match");
        assertThat(badKey.error()).contains("id/partition");
        assertThat(negative.error()).contains("available");
        assertThat(empty.isMalformed()).isTrue();
        assertThat(view.malformedSkillGroupRecords()).isEqualTo(5);
        assertThat(view.skillGroup(6928).available()).as("the last good record stays").isEqualTo(1);
    }

    @Test
    void mrdRecordsAreSummedSeparately() {
        view.applyMrd("5000/0", ContractJson.write(new MrdAvailability(MrdAvailability.SCHEMA_VERSION, 5000, 0,
                available(1), 3, Instant.parse("2025-01-01T00:00:00Z"))));
        view.applyMrd("5000/1", ContractJson.write(new MrdAvailability(MrdAvailability.SCHEMA_VERSION, 5000, 1,
                available(2), 3, Instant.parse("2025-01-01T00:00:00Z"))));

        assertThat(view.mrd(5000).available()).isEqualTo(3);
        assertThat(view.skillGroup(5000)).isEqualTo(AvailabilityCounts.ZERO);
        assertThat(view.applyMrd("5000/0", "[]").isMalformed()).isTrue();
        assertThat(view.malformedMrdRecords()).isEqualTo(1);
    }
}
