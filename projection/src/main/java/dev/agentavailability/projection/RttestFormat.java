package dev.agentavailability.projection;

import dev.agentavailability.contract.config.AgentConfig;
import dev.agentavailability.contract.config.MrdConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * Prints an agent the way ICM's {@code rttest agent_status /agent N} does, so that an engineer can lay
 * our view beside the router's:
 * <pre>
 * Agent CUCM.Agent_test (6420, periph# 15003)
 *   domain: ECE_Chat (5000), state = [na-0:2,RA], 383 secs
 *     CL na TEST_Chat (6928, periph# 70518)
 *     L na CUCM.ECE_Chat.default.11006 (6909, periph# 54839)
 * </pre>
 * Flags: R routable, A available for a new task, D the application path reports the domain unavailable.
 * {@code CL} marks a configured skill group, {@code L} the MRD's default group (our reading of the letters).
 */
public final class RttestFormat {

    private RttestFormat() {
    }

    public static String format(AgentState agent, ConfigView config, Set<Integer> unavailableDomains, Instant now) {
        AgentConfig known = config.agent(agent.icmAgentId()).orElse(null);
        StringBuilder out = new StringBuilder()
                .append("Agent ").append(known == null ? "(not configured)" : known.name())
                .append(" (").append(agent.icmAgentId()).append(", periph# ")
                .append(known == null ? "?" : Integer.toString(known.peripheralNumber())).append(")\n");
        for (AgentMrdState mrd : agent.mrds().values()) {
            if (!mrd.loggedIn()) {
                continue;
            }
            Verdict verdict = AvailabilityRule.evaluate(agent, mrd.mrdId(), config, unavailableDomains);
            String flags = (mrd.routable() ? "R" : "") + (verdict.availableForNewTask() ? "A" : "")
                    + (verdict.reasons().contains(Unavailability.DOMAIN_UNAVAILABLE) ? "D" : "");
            long seconds = Math.max(0, Duration.between(mrd.stateSince(), now).getSeconds());
            out.append("  domain: ").append(config.mrd(mrd.mrdId()).map(MrdConfig::name).orElse("(not configured)"))
                    .append(" (").append(mrd.mrdId()).append("), state = [")
                    .append(mrd.state().rttestCode()).append('-').append(mrd.activeTasks()).append(':')
                    .append(mrd.taskLimit()).append(flags.isEmpty() ? "" : "," + flags).append("], ")
                    .append(seconds).append(" secs\n");
            for (SkillGroupState sg : SkillGroupState.of(agent, mrd, config, unavailableDomains)) {
                out.append("    ").append(sg.configured() ? "CL " : "L ").append(sg.state().rttestCode()).append(' ')
                        .append(sg.skillGroup().name()).append(" (").append(sg.skillGroup().id()).append(", periph# ")
                        .append(sg.skillGroup().peripheralNumber()).append(")\n");
            }
        }
        return out.toString();
    }
}
