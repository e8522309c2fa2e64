package dev.agentavailability.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The chart numbers of an incident window, from the {@link ReplayTopics} scenario. */
class AvailabilitySeriesTest {

    private static ReplayTopics topics;

    @BeforeAll
    static void writeScenario() {
        topics = ReplayTopics.write();
    }

    private static AvailabilitySeries.Series series(Instant from, Instant to) {
        AvailabilitySeries listener = new AvailabilitySeries(from, to,
                EntryPointEvents.read(topics.entryPointSource(), to));
        topics.replay().replayEvents(to, listener);
        return listener.finish();
    }

    @Test
    void queueDepthAndAnswerFollowTheChatsAndTheDomain() {
        AvailabilitySeries.Series series = series(ReplayTopics.T1, ReplayTopics.T2);

        assertThat(series.points().get(0).at()).isEqualTo(ReplayTopics.T1);
        List<Integer> depth = series.points().stream().map(p -> p.queueDepth().getOrDefault(1001L, 0)).toList();
        assertThat(depth).containsSubsequence(0, 1, 2, 1);
        List<Integer> answers = series.points().stream().map(p -> p.responseType().get(1001L)).toList();
        // the queue is full from the second chat; once one is abandoned the domain is down: nobody could take it
        assertThat(answers).containsSubsequence(2, 1);
        assertThat(answers.get(answers.size() - 1)).isEqualTo(1);
        // entry point 1002 is deleted at CHAT_ABANDONED: it has no answer from then on
        assertThat(series.points().get(series.points().size() - 1).responseType()).doesNotContainKey(1002L);
        assertThat(series.skillGroupNames()).containsEntry(6928, "TEST_Chat_renamed");
    }

    @Test
    void theAvailableCountOfTheChatGroupDropsToZeroWhenTheDomainGoesDown() {
        AvailabilitySeries.Series series = series(ReplayTopics.READY, ReplayTopics.T2);

        List<Integer> available = series.points().stream()
                .map(p -> p.availableBySkillGroup().getOrDefault(6928, 0)).toList();
        assertThat(available.get(0)).isPositive();
        assertThat(available.get(available.size() - 1)).isZero();
        AvailabilitySeries.Point down = series.points().stream()
                .filter(p -> p.availableBySkillGroup().getOrDefault(6928, 0) == 0).findFirst().orElseThrow();
        assertThat(down.at()).isEqualTo(ReplayTopics.DOMAIN_DOWN);
        assertThat(down.cause()).contains("APP_PATH_DOMAIN_STATUS_EVENT");
    }

    @Test
    void theFirstChangeInTheWindowIsAPointOfItsOwnNotPartOfTheStart() {
        AvailabilitySeries.Series series = series(ReplayTopics.T1, ReplayTopics.T2);

        AvailabilitySeries.Point start = series.points().get(0);
        AvailabilitySeries.Point ready = series.points().get(1);
        assertThat(ready.at()).isEqualTo(ReplayTopics.READY);
        assertThat(ready.cause()).contains("MAKE_AGENT_READY_IND", "agent 6420");
        assertThat(ready.availableBySkillGroup().get(6928)).isEqualTo(start.availableBySkillGroup().get(6928) + 1);
    }

    @Test
    void aWindowWithNoChangeHasOnePointWithTheStateAtItsStart() {
        Instant quiet = Instant.parse("2019-08-19T13:41:00Z");
        AvailabilitySeries.Series series = series(quiet, quiet.plusSeconds(60));

        assertThat(series.points()).hasSize(1);
        assertThat(series.points().get(0).queueDepth()).containsEntry(1001L, 1);
    }

    @Test
    void thePageChartsEachSeriesAndEscapesNames() {
        String page = TimelinePage.render(series(ReplayTopics.T1, ReplayTopics.T2), "Incident <1001>");

        assertThat(page).startsWith("<!DOCTYPE html>").contains("<svg", "Available agents per skill group",
                "Queue depth per entry point", "EP 1001", "SG 6928 TEST_Chat_renamed", "Incident &lt;1001&gt;");
        assertThat(page).doesNotContain("Incident <1001>");
    }
}
