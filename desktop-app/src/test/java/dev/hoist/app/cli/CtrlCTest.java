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
                    .args("profile", Long.toString(probe.pid()), "--duration", "60s", "--event", "cpu", "--out", jfr.toString())
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
