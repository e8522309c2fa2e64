package dev.agentavailability.availctl;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * The base of every availctl subcommand: output goes to the command line's out and err writers (so tests
 * capture it), and a {@link CliFailure} or any unforeseen exception ends the command with one line on
 * stderr and its exit code, whether or not the {@code CommandLine} was built by {@link Availctl#commandLine()}.
 */
public abstract class Subcommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @ParentCommand
    private Availctl availctl;

    /** Does the work; returns the exit code. */
    protected abstract int run() throws CliFailure;

    @Override
    public final Integer call() {
        try {
            int code = run();
            out().flush();
            return code;
        } catch (CliFailure failure) {
            out().flush();
            return Availctl.report(err(), failure);
        } catch (RuntimeException unforeseen) {
            out().flush();
            return Availctl.report(err(), unforeseen);
        }
    }

    protected PrintWriter out() {
        return spec.commandLine().getOut();
    }

    protected PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** The top-level command: stdin and other process-wide things a subcommand may need. */
    protected Availctl availctl() {
        return availctl;
    }
}
