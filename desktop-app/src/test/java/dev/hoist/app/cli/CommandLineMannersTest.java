package dev.hoist.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hoist.core.Failure;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a user of git, curl or asprof expects from a command line: short errors, the right exit code, help that is complete. */
class CommandLineMannersTest {

    @Test
    void aWrongOptionIsOneLinePlusWhereToLookNotTheWholeUsage() {
        MainTest.Result r = MainTest.run("analyze", "--bogus", "app.jar");
        assertThat(r.code()).isEqualTo(Failure.USAGE.exitCode());
        assertThat(r.err().strip().lines()).hasSizeLessThanOrEqualTo(2);
        assertThat(r.err()).contains("Unknown option: '--bogus'").contains("see 'hoist analyze --help'");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aMistypedCommandSuggestsTheRightOne() {
        MainTest.Result r = MainTest.run("reprot", "x.jfr");
        assertThat(r.code()).isEqualTo(Failure.USAGE.exitCode());
        assertThat(r.err()).contains("did you mean: report");
    }

    @Test
    void aNegativeTopIsAUsageError(@TempDir Path dir) throws Exception {
        Path any = Files.writeString(dir.resolve("stacks.collapsed"), "a;b 3\n");
        MainTest.Result r = MainTest.run("report", any.toString(), "--top", "-1");
        assertThat(r.code()).isEqualTo(Failure.USAGE.exitCode());
        assertThat(r.err()).contains("'-1' must be 1 or more");
    }

    @Test
    void analyzingAFolderWithNoClassesIsBadInputNotZeroFindings(@TempDir Path dir) {
        MainTest.Result r = MainTest.run("analyze", dir.toString());
        assertThat(r.code()).isEqualTo(Failure.BAD_INPUT.exitCode());
        assertThat(r.err()).contains("no class could be read from").contains("no .class file, jar or class folder there");
    }

    @Test
    void aClassPathWildcardThatMatchesNoJarIsSaid(@TempDir Path dir) throws Exception {
        Path empty = Files.createDirectory(dir.resolve("lib"));
        MainTest.Result r = MainTest.run("analyze", AnalyzeCommandTest.workloadClasses().toString(), "-cp", empty + "/*");
        assertThat(r.code()).isZero();
        assertThat(r.err()).contains(empty + "/*: matches no jar; skipped");
    }

    @Test
    void analyzeHelpListsTheRuleIdsAndTheExitCodesIncludeTheGateAndCtrlC() {
        MainTest.Result help = MainTest.run("analyze", "--help");
        assertThat(help.out()).contains("Ids:").contains("boxing-in-loop").contains("unsized-collection");
        MainTest.Result top = MainTest.run("--help");
        assertThat(top.out()).contains("11 gate failed").contains("130 interrupted");
    }
}
