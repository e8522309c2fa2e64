package dev.agentavailability.projection.entrypoint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentavailability.contract.entrypoint.BusinessHoursSettings;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BusinessCalendarTest {

    private static final BusinessCalendar PARIS = BusinessCalendar.of(new BusinessHoursSettings("Europe/Paris",
            Map.of("MONDAY", List.of("09:00-12:00", "13:00-17:00"), "TUESDAY", List.of("09:00-17:00"),
                    "WEDNESDAY", List.of("09:00-17:00"), "THURSDAY", List.of("09:00-17:00"),
                    "FRIDAY", List.of("09:00-17:00")),
            List.of("2025-03-04")));

    @Test
    void openInsideAnIntervalOfTheLocalDay() {
        // Monday 2025-03-03 10:30 in Paris (UTC+1)
        BusinessCalendar.Decision d = PARIS.decide(Instant.parse("2025-03-03T09:30:00Z"));
        assertThat(d.open()).isTrue();
        assertThat(d.openInterval()).isEqualTo("09:00-12:00");
        assertThat(d.localTime()).hasToString("2025-03-03T10:30");
        assertThat(d.nextOpening()).isNull();
    }

    @Test
    void closedAtLunchWithTheNextOpening() {
        BusinessCalendar.Decision d = PARIS.decide(Instant.parse("2025-03-03T11:15:00Z"));
        assertThat(d.open()).isFalse();
        assertThat(d.nextOpening().toOffsetDateTime()).hasToString("2025-03-03T13:00+01:00");
    }

    @Test
    void theEndOfAnIntervalIsClosed() {
        assertThat(PARIS.decide(Instant.parse("2025-03-03T16:00:00Z")).open()).isFalse();
        assertThat(PARIS.decide(Instant.parse("2025-03-03T15:59:00Z")).open()).isTrue();
    }

    @Test
    void aHolidayIsClosedAllDayAndTheNextOpeningSkipsIt() {
        BusinessCalendar.Decision d = PARIS.decide(Instant.parse("2025-03-04T10:00:00Z"));
        assertThat(d.open()).isFalse();
        assertThat(d.holiday()).isTrue();
        assertThat(d.nextOpening().toOffsetDateTime()).hasToString("2025-03-05T09:00+01:00");
    }

    @Test
    void theWeekendIsClosedUntilMonday() {
        BusinessCalendar.Decision d = PARIS.decide(Instant.parse("2025-03-08T12:00:00Z"));
        assertThat(d.open()).isFalse();
        assertThat(d.nextOpening().toOffsetDateTime()).hasToString("2025-03-10T09:00+01:00");
    }

    @Test
    void noBusinessHoursIsAlwaysOpen() {
        BusinessCalendar.Decision d = BusinessCalendar.of(null).decide(Instant.parse("2025-03-08T03:00:00Z"));
        assertThat(d.open()).isTrue();
        assertThat(d.configured()).isFalse();
    }

    @Test
    void faultsAreDescribed() {
        assertThat(BusinessCalendar.zoneFault("Mars/Olympus")).contains("Mars/Olympus");
        assertThat(BusinessCalendar.zoneFault("America/New_York")).isNull();
        assertThat(BusinessCalendar.intervalFault("17:00-09:00")).contains("after");
        assertThat(BusinessCalendar.intervalFault("9-5")).isNotNull();
        assertThat(BusinessCalendar.intervalFault("00:00-24:00")).isNull();
        assertThat(BusinessCalendar.dayFault("FUNDAY")).isNotNull();
        assertThat(BusinessCalendar.dateFault("2025-02-30")).isNotNull();
    }
}
