package dev.hoist.app.cli;

import dev.hoist.testkit.ChildJvm;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ctrl-C during {@code hoist profile}, for real: the CLI runs as its own process, gets SIGINT
 * mid-run, and must still leave the recording on disk and print the report for it.
 */
class CtrlCTest {

    @Test
    void ctrlCStopsSamplingEarlyAndStillWritesRecordingAndReport(@TempDir Path dir) throws Exception {
        Path jfr = dir.resolve("interrupted.jfr");
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        try (ChildJvm probe = ChildJvm.java().testClasspath().mainClass(ProfileCommandTest.PROBE)
                .mergeStderr().readyPrefix("ready").start()) {
            try (ChildJvm cli = ChildJvm.java().testClasspath().mainClass(Main.class)
                    .args("profile", Long.toString(probe.pid()), "--duration", "60s", "--event", "cpu", "--recording", jfr.toString())
                    .stdoutTo(ProcessBuilder.Redirect.to(out.toFile())).stderrTo(ProcessBuilder.Redirect.to(err.toFile())).start()) {
                Process hoist = cli.process();
                waitFor(err, "sampling JVM", hoist);
                Thread.sleep(2500);
                new ProcessBuilder("kill", "-INT", Long.toString(hoist.pid())).start().waitFor();
                assertThat(hoist.waitFor(40, TimeUnit.SECONDS)).as("hoist ended after Ctrl-C").isTrue();
            }
            assertThat(jfr).isNotEmptyFile();
            assertThat(Files.readString(out, StandardCharsets.UTF_8)).contains("Hot methods").contains("crunch");
            assertThat(Files.readString(err, StandardCharsets.UTF_8)).contains("recording: " + jfr);
        }
    }

    /**
     * Hoist killed with kill -9 mid-run cannot stop the profiler it started: the profiler stops by
     * itself a little after the sampling time (async-profiler's timeout), and a new profile of the
     * same JVM then finds no profiler running.
     */
    @Test
    void aHoistKilledWithSigkillLeavesNoProfilerRunningInTheTarget(@TempDir Path dir) throws Exception {
        Path jfr = dir.resolve("killed.jfr");
        Path err = dir.resolve("err.txt");
        try (ChildJvm probe = ChildJvm.java().testClasspath().mainClass(ProfileCommandTest.PROBE)
                .mergeStderr().readyPrefix("ready").start()) {
            try (ChildJvm cli = ChildJvm.java().testClasspath().mainClass(Main.class)
                    .args("profile", Long.toString(probe.pid()), "--duration", "2s", "--event", "cpu", "--no-repair",
                            "--no-advice", "--recording", jfr.toString())
                    .stdoutTo(ProcessBuilder.Redirect.DISCARD).stderrTo(ProcessBuilder.Redirect.to(err.toFile())).start()) {
                Process hoist = cli.process();
                waitFor(err, "sampling JVM", hoist);
                new ProcessBuilder("kill", "-KILL", Long.toString(hoist.pid())).start().waitFor();
                assertThat(hoist.waitFor(10, TimeUnit.SECONDS)).isTrue();
            }
            // 2 s of sampling plus the 10 s the profiler is given before it stops by itself
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
            MainTest.Result again;
            do {
                Thread.sleep(2000);
                again = MainTest.run("profile", Long.toString(probe.pid()), "--duration", "1s", "--event", "cpu", "--no-repair",
                        "--no-advice", "--recording", dir.resolve("again.jfr").toString());
            } while (again.code() != 0 && again.err().contains("already running") && System.nanoTime() < deadline);
            assertThat(again.code()).as(again.err()).isZero();
            assertThat(jfr).as("the profiler wrote what it sampled when it stopped").isNotEmptyFile();
        }
    }

    private static void waitFor(Path file, String text, Process p) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline && p.isAlive()) {
            if (Files.readString(file, StandardCharsets.UTF_8).contains(text)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("hoist did not print '" + text + "': " + Files.readString(file, StandardCharsets.UTF_8));
    }
}
