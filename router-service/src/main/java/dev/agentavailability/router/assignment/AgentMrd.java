package dev.agentavailability.router.assignment;

/** An agent in one MRD: the unit that a task limit applies to. */
public record AgentMrd(int icmAgentId, int mrdId) {
}
