package dev.agentavailability.projection.entrypoint;

import dev.agentavailability.contract.availability.AvailabilityCounts;
import dev.agentavailability.contract.entrypoint.ResponseType;

/**
 * The initialize answer of an entry point (the rule table of docs/entry-points.md). The first
 * row that applies decides:
 *
 * <ol>
 * <li>off hours (business hours configured and now outside them) → 1, with the off-hours message;</li>
 * <li>entry point inactive → 1;</li>
 * <li>maxQueueDepth &gt; 0 and queue depth ≥ maxQueueDepth → 2;</li>
 * <li>an agent in scope available (sum of {@code available} &gt; 0) → 0;</li>
 * <li>none available, but agents in scope are busy (logged in, ready, routable, kept only by work in progress:
 * sum of {@code busy} &gt; 0): the chat can wait in the queue → 0;</li>
 * <li>otherwise (nobody logged in, or all Not Ready, not routable or with the domain unavailable) no agent could
 * take the chat from the queue → 1.</li>
 * </ol>
 *
 * The scope is the entry point's skill groups (SKILL_GROUP, ECE 12.0) or its whole MRD (MRD, ECE 11.6); the counts
 * given here are already summed over that scope and over the agent-event partitions.
 */
public final class Eligibility {

    /** The rule row that decided. */
    public enum Rule {
        OFF_HOURS(ResponseType.NO_AGENT_AVAILABLE, "outside the business hours"),
        INACTIVE(ResponseType.NO_AGENT_AVAILABLE, "the entry point is inactive"),
        QUEUE_FULL(ResponseType.QUEUE_FULL, "the queue depth has reached maxQueueDepth"),
        AGENT_AVAILABLE(ResponseType.AVAILABLE, "an agent in scope is available"),
        ALL_BUSY_QUEUE_HAS_ROOM(ResponseType.AVAILABLE,
                "no agent in scope is available but some are busy and will take it; the queue has room, so the chat can wait"),
        NO_AGENT_COULD_TAKE_IT(ResponseType.NO_AGENT_AVAILABLE,
                "no agent in scope is available or busy: nobody is logged in, or all are Not Ready, not routable, "
                        + "or their domain is unavailable");

        private final ResponseType responseType;
        private final String why;

        Rule(ResponseType responseType, String why) {
            this.responseType = responseType;
            this.why = why;
        }

        public ResponseType responseType() {
            return responseType;
        }

        public String why() {
            return why;
        }

        public boolean offHours() {
            return this == OFF_HOURS;
        }

        /** This row's own condition; {@link #decide} takes the first row whose condition holds. */
        public boolean appliesTo(Situation s) {
            switch (this) {
                case OFF_HOURS:
                    return !s.open();
                case INACTIVE:
                    return !s.active();
                case QUEUE_FULL:
                    return s.maxQueueDepth() > 0 && s.queueDepth() >= s.maxQueueDepth();
                case AGENT_AVAILABLE:
                    return s.inScope().available() > 0;
                case ALL_BUSY_QUEUE_HAS_ROOM:
                    return s.inScope().available() == 0 && s.inScope().busy() > 0;
                default:
                    return s.inScope().available() == 0 && s.inScope().busy() == 0;
            }
        }

        /** Whether a new chat may start: only when the answer is 0, as the chat page then offers it. */
        public boolean chatMayStart() {
            return responseType == ResponseType.AVAILABLE;
        }
    }

    /**
     * What the rule reads.
     *
     * @param open          whether the business hours are open now (true without business hours)
     * @param active        whether the entry point is active
     * @param queueDepth    chats waiting in the entry point's queue
     * @param maxQueueDepth the entry point's limit; 0 = no limit
     * @param inScope       the availability summed over the scope
     */
    public record Situation(boolean open, boolean active, int queueDepth, int maxQueueDepth,
            AvailabilityCounts inScope) {
    }

    private Eligibility() {
    }

    /** The first row of the table whose condition holds. */
    public static Rule decide(Situation situation) {
        for (Rule rule : Rule.values()) {
            if (rule.appliesTo(situation)) {
                return rule;
            }
        }
        throw new IllegalStateException("the last two rows cover every case: " + situation);
    }

    public static Rule decide(boolean open, boolean active, int queueDepth, int maxQueueDepth,
            AvailabilityCounts inScope) {
        return decide(new Situation(open, active, queueDepth, maxQueueDepth, inScope));
    }
}
