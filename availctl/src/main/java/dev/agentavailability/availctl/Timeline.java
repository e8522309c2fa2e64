package dev.agentavailability.availctl;

import dev.agentavailability.replay.ReplayState;
import dev.agentavailability.replay.TimelineListener;
import dev.agentavailability.replay.TopicReplay;
import java.io.PrintWriter;
import java.time.Instant;

/** {@code availctl replay --from --to}: the incident timeline of an agent or a skill group. */
final class Timeline {

    private Timeline() {
    }

    static void print(PrintWriter out, TopicReplay replay, Instant from, Instant to, Integer agent, Integer skillGroup)
            throws CliFailure {
        TimelineListener listener = agent != null ? TimelineListener.forAgent(from, agent)
                : TimelineListener.forSkillGroup(from, skillGroup);
        ReplayState end;
        try {
            end = replay.replayEvents(to, listener);
        } catch (TopicReplay.ReplayException e) {
            throw CliFailure.failure(e.getMessage());
        }
        listener.finish(end);
        if (agent != null && !listener.seen()) {
            throw CliFailure.failure("agent " + agent + ": no event of this agent at or before " + to);
        }
        if (skillGroup != null && !listener.seen() && end.config().skillGroup(skillGroup).isEmpty()) {
            throw CliFailure.failure("skill group " + skillGroup + ": not configured at " + to);
        }
        out.println((agent != null ? "Agent " + agent : "Skill group " + skillGroup) + " from " + from + " to " + to);
        for (String line : listener.lines()) {
            out.println(line);
        }
    }
}
