package dev.agentavailability.availctl;

/**
 * Ends a command with a one-line message on stderr ({@code availctl: <message>}) and an exit code; never
 * with a stack trace. Subcommands throw it; {@link Subcommand#call()} reports it.
 */
public final class CliFailure extends Exception {

    private static final long serialVersionUID = 1L;

    private final int exitCode;

    public CliFailure(int exitCode, String message) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }

    /** Bad input: exit code {@link ExitCodes#BAD_INPUT}. */
    public static CliFailure badInput(String message) {
        return new CliFailure(ExitCodes.BAD_INPUT, message);
    }

    /** A failure with good input: exit code {@link ExitCodes#FAILURE}. */
    public static CliFailure failure(String message) {
        return new CliFailure(ExitCodes.FAILURE, message);
    }

    public int exitCode() {
        return exitCode;
    }
}
