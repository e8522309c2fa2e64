package dev.agentavailability.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportClockTest {

    private static final Instant T1 = Instant.parse("2019-08-19T13:30:00Z");
    private static final Instant T2 = Instant.parse("2019-08-19T13:40:00Z");

    private static Instant at(String hms) {
        return Instant.parse("2019-08-19T" + hms + "Z");
    }

    @Test
    void stateAtStartFromEarlierEventsThenEachChangeExactSeconds() {
        ReportClock<Integer> clock = new ReportClock<>(T1, T2, "LOGOUT");
        clock.set(6420, "NOT_READY(5)", at("13:00:00")); // before the window: the state it starts in
        clock.set(6420, "NOT_ACTIVE", at("13:34:10"));
        clock.set(6420, "ACTIVE", at("13:35:00"));
        clock.set(6420, "ACTIVE", at("13:36:00")); // no change
        clock.set(6420, "NOT_READY(5)", at("13:38:00"));
        clock.set(6420, "LOGOUT", at("13:45:00")); // after the window: ignored

        Map<String, Duration> spent = clock.finish().get(6420);
        assertThat(spent).containsExactly(
                Map.entry("NOT_READY(5)", Duration.ofSeconds(250 + 120)),
                Map.entry("NOT_ACTIVE", Duration.ofSeconds(50)),
                Map.entry("ACTIVE", Duration.ofSeconds(180)));
    }

    @Test
    void aKeyFirstSeenInTheWindowWasInItsInitialLabelUntilThen() {
        ReportClock<Integer> clock = new ReportClock<>(T1, T2, "LOGOUT");
        clock.set(1, "NOT_READY(0)", at("13:31:00"));
        clock.set(1, "LOGOUT", at("13:39:30"));
        clock.touch(2);

        Map<Integer, Map<String, Duration>> all = clock.finish();
        assertThat(all.get(1)).containsExactly(
                Map.entry("LOGOUT", Duration.ofSeconds(60 + 30)),
                Map.entry("NOT_READY(0)", Duration.ofSeconds(510)));
        assertThat(all.get(2)).containsExactly(Map.entry("LOGOUT", Duration.ofSeconds(600)));
    }

    @Test
    void skillGroupAvailableAndNone() {
        ReportClock<Integer> clock = new ReportClock<>(T1, T2, "NONE_AVAILABLE");
        clock.set(6928, "AVAILABLE", at("13:34:10"));
        clock.set(6928, "NONE_AVAILABLE", at("13:36:00"));
        assertThat(clock.finish().get(6928)).containsExactly(
                Map.entry("NONE_AVAILABLE", Duration.ofSeconds(250 + 240)),
                Map.entry("AVAILABLE", Duration.ofSeconds(110)));
    }
}
