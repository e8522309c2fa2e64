package dev.agentavailability.availctl;

/** The exit codes of every availctl command. */
public final class ExitCodes {

    /** The command did what was asked. */
    public static final int OK = 0;

    /** The input was fine but the answer is a failure: unknown agent, router not reachable, HTTP error. */
    public static final int FAILURE = 1;

    /** Bad input or usage: an unreadable byte list, a broken frame, an unknown option (picocli's default). */
    public static final int BAD_INPUT = 2;

    private ExitCodes() {
    }
}
