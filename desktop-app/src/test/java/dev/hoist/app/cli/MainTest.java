package dev.hoist.app.cli;

import dev.hoist.core.Failure;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

class MainTest {

    record Result(int code, String out, String err) {}

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void helpDocumentsEveryExitCode() {
        Result r = run("--help");
        assertThat(r.code()).isZero();
        for (Failure f : Failure.values()) {
            assertThat(r.out()).containsPattern("(?m)^\\s+" + f.exitCode() + "\\s+" + f.name().toLowerCase().replace('_', ' '));
        }
    }

    @Test
    void everySubcommandHasHelp() {
        for (String cmd : new String[] {"jvms", "profile", "attach", "report", "diff", "analyze", "demo", "startup", "run"}) {
            Result r = run(cmd, "--help");
            assertThat(r.code()).as(cmd + " --help: " + r.err()).isZero();
            assertThat(r.out()).as(cmd).startsWith("Usage: hoist " + cmd);
        }
    }

    @Test
    void subcommandNamesAreTheNamesTheirCommandsDeclare() {
        assertThat(Main.subcommands().keySet()).containsExactly("jvms", "profile", "attach", "report", "analyze", "diff", "demo", "startup", "run");
        Main.subcommands().forEach((name, sub) -> {
            Object command = sub.get();
            assertThat(command.getClass().getAnnotation(picocli.CommandLine.Command.class).name())
                    .as(command.getClass().getSimpleName()).isEqualTo(name);
        });
    }

    @Test
    void helpListsEverySubcommandAndASubcommandRunsWithOnlyItselfBuilt() {
        Result help = run("--help");
        for (String cmd : Main.subcommands().keySet()) {
            assertThat(help.out()).containsPattern("(?m)^\\s+" + cmd + "\\s+\\S");
        }
        Result version = run("--version");
        assertThat(version.code()).isZero();
        assertThat(version.out()).startsWith("hoist ");
        // the inherited --verbose still reaches a subcommand that was built alone
        Result verbose = run("report", "--verbose", "/no/such/recording.jfr");
        assertThat(verbose.code()).isEqualTo(Failure.BAD_INPUT.exitCode());
        // a typo still gets picocli's suggestion, which needs every subcommand
        Result typo = run("jvm");
        assertThat(typo.code()).isEqualTo(Failure.USAGE.exitCode());
        assertThat(typo.err()).contains("jvms");
    }

    @Test
    void unknownOptionIsAUsageError() {
        Result r = run("--no-such-option");
        assertThat(r.code()).isEqualTo(Failure.USAGE.exitCode());
        assertThat(r.err()).contains("--no-such-option");
    }
}
