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
        for (String cmd : new String[] {"jvms", "profile", "report", "diff", "analyze", "demo"}) {
            Result r = run(cmd, "--help");
            assertThat(r.code()).as(cmd + " --help: " + r.err()).isZero();
            assertThat(r.out()).as(cmd).startsWith("Usage: hoist " + cmd);
        }
    }

    @Test
    void unknownOptionIsAUsageError() {
        Result r = run("--no-such-option");
        assertThat(r.code()).isEqualTo(Failure.USAGE.exitCode());
        assertThat(r.err()).contains("--no-such-option");
    }
}
