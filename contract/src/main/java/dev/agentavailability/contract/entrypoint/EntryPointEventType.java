package dev.agentavailability.contract.entrypoint;

/** What happened to an entry point's settings. */
public enum EntryPointEventType {
    /** Created or replaced: the event carries the whole settings. */
    SAVED,
    /** Deleted: initialize answers 404 from then on. */
    DELETED
}
