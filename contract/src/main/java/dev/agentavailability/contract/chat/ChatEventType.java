package dev.agentavailability.contract.chat;

/** The steps of a customer chat, from the chat page to an agent. */
public enum ChatEventType {
    /** A customer started a chat on an entry point; it waits in the entry point's queue. */
    STARTED,
    /** The router chose an agent for the waiting chat; the listener is to offer it the task. */
    ASSIGNED,
    /** The listener offered the chat's task to the agent (OFFER_TASK_IND published): it leaves the queue. */
    OFFERED,
    /** The offer could not be made (the agent's state no longer allowed it); the chat waits again. */
    ASSIGNMENT_FAILED,
    /** The customer left before an agent took the chat. */
    ABANDONED,
    /** The chat waited longer than the entry point allows. */
    TIMED_OUT
}
