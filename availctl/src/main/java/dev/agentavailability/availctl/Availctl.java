package dev.agentavailability.availctl;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Objects;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

/**
 * {@code availctl}, the operator's command-line tool. Each subcommand is its own class, listed in
 * {@link Command#subcommands()} below; it extends {@link Subcommand}. Exit codes are in {@link ExitCodes}.
 *
 * <p>Tests run it in process: {@code new CommandLine(new Availctl(stdin)).setOut(..).setErr(..).execute(args)}.
 */
@Command(name = "availctl", mixinStandardHelpOptions = true, versionProvider = Availctl.Version.class,
        description = "Operator tool for the agent availability system: decode ARM frames and ECE listener "
                + "log records, show the router's view of an agent.",
        subcommands = {DecodeCommand.class, StatusCommand.class, ExplainCommand.class, ReplayCommand.class,
                ReportCommand.class, ImportLogCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 done, 1 failure (unknown agent, router not reachable), "
                + "2 bad input or usage."})
public final class Availctl {

    private final InputStream stdin;

    public Availctl() {
        this(System.in);
    }

    /** A command reading the given stream where it would read standard input. */
    public Availctl(InputStream stdin) {
        this.stdin = Objects.requireNonNull(stdin, "stdin");
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line {@link #main} runs: the commands plus a last-resort handler against stack traces. */
    public static CommandLine commandLine() {
        return new CommandLine(new Availctl())
                .setExecutionExceptionHandler((failure, commandLine, parseResult) ->
                        report(commandLine.getErr(), failure));
    }

    /** Standard input, or what a test gave instead. */
    public InputStream stdin() {
        return stdin;
    }

    /** Whether standard input is the process's own and a terminal (so reading it would wait for typing). */
    public boolean stdinIsTerminal() {
        return stdin == System.in && System.console() != null;
    }

    /** Prints {@code availctl: <why>} as one line and returns the exit code for the failure. */
    static int report(PrintWriter err, Exception failure) {
        int code;
        String message;
        if (failure instanceof CliFailure) {
            code = ((CliFailure) failure).exitCode();
            message = failure.getMessage();
        } else {
            code = ExitCodes.FAILURE;
            message = "unexpected error: " + failure;
        }
        err.println("availctl: " + oneLine(message));
        err.flush();
        return code;
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    /** {@code availctl <version>} from the build (resource filtered by Maven). */
    public static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            Properties properties = new Properties();
            try (InputStream in = Availctl.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    properties.load(in);
                }
            } catch (IOException unreadable) {
                // fall through to "unknown"
            }
            return new String[] {"availctl " + properties.getProperty("version", "unknown"),
                    "Java " + System.getProperty("java.version")};
        }
    }
}
