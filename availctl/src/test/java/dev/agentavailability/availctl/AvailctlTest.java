package dev.agentavailability.availctl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The top-level command: version, help, usage errors. */
class AvailctlTest {

    @Test
    void versionNamesTheBuild() {
        Cli.Result result = Cli.run("--version");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("availctl 0.1.0-SNAPSHOT").doesNotContain("${project.version}");
    }

    @Test
    void helpListsTheSubcommands() {
        Cli.Result result = Cli.run("--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("Usage: availctl").contains("decode").contains("status");
    }

    @Test
    void subcommandHelp() {
        Cli.Result result = Cli.run("help", "decode");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("Usage: availctl decode").contains("--tag-width");
    }

    @Test
    void noSubcommandIsAUsageError() {
        Cli.Result result = Cli.run();

        assertThat(result.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(result.err()).contains("Missing required subcommand").contains("Usage: availctl");
    }

    @Test
    void anUnknownSubcommandIsAUsageError() {
        Cli.Result result = Cli.run("frobnicate");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(result.err()).contains("Unmatched argument at index 0: 'frobnicate'");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void theMainCommandLineReportsBadInputTheSameWay() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = Availctl.commandLine();
        commandLine.setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));

        int code = commandLine.execute("decode", "0 0 0 16 0 0 0 -102 zz");

        assertThat(code).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).isEqualTo("availctl: frame 1: token 9 'zz': not a decimal byte\n");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void theLastResortHandlerPrintsOneLine() {
        StringWriter err = new StringWriter();
        int code = Availctl.report(new PrintWriter(err, true), new IllegalStateException("boom\nsecond line"));

        assertThat(code).isEqualTo(ExitCodes.FAILURE);
        assertThat(err.toString()).isEqualTo("availctl: unexpected error: java.lang.IllegalStateException: boom "
                + "second line\n");
    }
}
