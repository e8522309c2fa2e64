package dev.agentavailability.router.assignment;

import dev.agentavailability.contract.arm.TaskId;

/** The router's choice of an agent for a waiting chat, to be published as ASSIGNED. */
public record Assignment(WaitingChat chat, int icmAgentId, int mrdId, TaskId taskId) {
}
