package dev.hoist.app.cli;

import dev.hoist.core.Failure;
import dev.hoist.core.PrivateFiles;
import dev.hoist.testkit.ChildJvm;
import dev.hoist.workloads.Catalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code hoist attach} for real: the CLI runs in its own JVM inside a tmux pane of 80x24 (a
 * pseudo-terminal, as over SSH), attached to the demo workload in another JVM; the test reads the
 * screen as a user would, with {@code tmux capture-pane}, and types keys with {@code send-keys}.
 * tmux is installed by {@code .ci/run} when missing.
 */
class AttachCommandTest {

    private static final Duration PATIENCE = Duration.ofSeconds(120);

    @Test
    void theSessionShowsTheTargetItsHotLoopAndAdviceRecordsAReportableJfrAndQuitsLeavingTheTargetRunning(@TempDir Path dir)
            throws Exception {
        Path jfr = dir.resolve("live.jfr");
        Path err = dir.resolve("err.txt");
        try (ChildJvm demo = ChildJvm.java().testClasspath().mainClass(Catalog.DEMO_MAIN).mergeStderr()
                .readyPrefix("demo: ").start();
             Tmux tmux = Tmux.start(dir, 80, 24, hoist()
                     .args("attach", Long.toString(demo.pid()), "--recording", jfr.toString()).commandLine(), err)) {

            // the header names the target, the demo's hottest loop is listed and the advice is ranked
            String screen = tmux.await("the header, the hot loop and the advice", s -> s.contains("JVM " + demo.pid())
                    && s.contains("OrderFeed.parse") && s.contains("copy-in-loop") && s.contains("Advice (")
                    && s.lines().anyMatch(l -> l.contains("OrderFeed.parse") && l.contains("advice #")));
            List<String> rows = screen.lines().toList();
            assertThat(rows.get(0)).contains("JVM " + demo.pid()).contains("DemoMain").contains("Java ");
            assertThat(rows.get(1)).contains("samples cpu");
            assertThat(rows.get(2)).contains("cores").contains("heap").contains("GC").contains("alloc");
            assertThat(rows.get(2)).as("heap sizes read").containsPattern("heap \\d+(\\.\\d)?[MG]/\\d+(\\.\\d)?[MG]");
            // the demo's main thread by its Java name (the system names it "java"), with its state
            assertThat(screen).contains("Busiest threads").containsPattern("(?m)^ +\\d+\\.\\d% .* main +[a-z][a-z ]*$");
            assertThat(rows.get(rows.size() - 1)).as("the footer names the keys").contains("r record").contains("? q");

            // Enter: the selected advice's detail, with its mechanism and its fix
            tmux.keys("Enter");
            String page = tmux.await("the advice's detail", s -> s.contains("advice #1") && s.contains("saves "));
            StringBuilder detail = new StringBuilder(page);
            while (!atEnd(page)) {
                String before = page;
                tmux.keys("PageDown");
                page = tmux.await("the detail scrolled", s -> !s.equals(before));
                detail.append(page);
            }
            assertThat(detail).contains("mechanism:").contains("evidence:").contains("before:").contains("after:");
            tmux.keys("Escape");
            tmux.await("the main screen again", s -> s.contains("Busiest threads"));

            // r: what was sampled so far, as a JFR that hoist report reads, and its reports
            tmux.keys("r");
            tmux.await("the record's confirmation", s -> s.contains("recorded "));
            Path recorded = dir.resolve("live-record1.jfr");
            for (String ext : List.of("jfr", "html", "json", "sarif")) {
                Path f = dir.resolve("live-record1." + ext);
                assertThat(f).isNotEmptyFile();
                assertThat(Files.getPosixFilePermissions(f)).isEqualTo(PrivateFiles.OWNER_ONLY);
            }
            MainTest.Result report = MainTest.run("report", recorded.toString(), "--classpath",
                    ChildJvm.codeSourceOf(Catalog.class).toString());
            assertThat(report.code()).as(report.err()).isZero();
            assertThat(report.out()).contains("OrderFeed.parse").contains("copy-in-loop");

            // q: sampling stops, the recording's path is printed, the target runs on
            tmux.keys("q");
            String said = tmux.awaitFile("hoist's exit", s -> s.contains("exit="));
            assertThat(said).contains("exit=0").contains("the target keeps running").contains("recording: " + jfr)
                    .contains("recorded " + recorded);
            assertThat(jfr).isNotEmptyFile();
            assertThat(demo.process().isAlive()).as("the target keeps running after q").isTrue();
            assertThat(jcmd(demo.pid(), "ManagementAgent.status")).as("no management agent left in the target")
                    .contains("Agent: disabled").doesNotContain("Connection Type");
            int lines = demo.stdout().size();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (demo.stdout().size() <= lines && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertThat(demo.stdout().size()).as("the target still prints its throughput").isGreaterThan(lines);
        }
    }

    @Test
    void pauseStopsSamplingInTheTargetAndAnEventNotAskedForRestartsTheSamplerKeepingTheSamples(@TempDir Path dir)
            throws Exception {
        Path jfr = dir.resolve("paused.jfr");
        Path err = dir.resolve("err.txt");
        try (ChildJvm demo = ChildJvm.java().testClasspath().mainClass(Catalog.DEMO_MAIN).mergeStderr()
                .readyPrefix("demo: ").start();
             Tmux tmux = Tmux.start(dir, 80, 24, hoist()
                     .args("attach", Long.toString(demo.pid()), "--event", "cpu", "--no-advice", "--recording", jfr.toString())
                     .commandLine(), err)) {
            tmux.await("cpu samples", s -> count(s, "cpu") > 0);

            // p: the profiler stops in the target; once the last chunk is read the counts stand still
            tmux.keys("p");
            String paused = tmux.await("the header saying paused", s -> s.lines().findFirst().orElse("").contains("[PAUSED]")
                    && s.lines().skip(1).findFirst().orElse("").contains("paused"));
            Thread.sleep(2_500);
            long atPause = count(tmux.screen(), "cpu");
            Thread.sleep(3_000);
            String later = tmux.screen();
            assertThat(count(later, "cpu")).as("no samples while paused:\n" + later).isEqualTo(atPause);
            assertThat(later).contains("[PAUSED]");
            assertThat(paused).doesNotContain(" wall ");

            // p again: sampling goes on into the same recording, counting on
            tmux.keys("p");
            tmux.await("counting on after the resume", s -> !s.contains("[PAUSED]") && count(s, "cpu") > atPause);

            // w was not asked for: the sampler restarts with it added, the cpu samples so far are kept
            tmux.keys("w");
            String both = tmux.await("wall samples beside the cpu ones", s -> count(s, "wall") > 0 && s.contains("now sampling"));
            assertThat(count(both, "cpu")).isGreaterThan(atPause);
            assertThat(both).contains("Hot code").contains("wall,");

            tmux.keys("q");
            String said = tmux.awaitFile("hoist's exit", s -> s.contains("exit="));
            assertThat(said).contains("exit=0").contains("recording: " + jfr);
            var whole = dev.hoist.core.profile.ProfileReader.read(jfr);
            assertThat(whole.sampleCounts()).as("one recording of every stretch")
                    .containsKeys(dev.hoist.core.profile.EventKind.CPU, dev.hoist.core.profile.EventKind.WALL);
            assertThat(whole.sampleCounts().get(dev.hoist.core.profile.EventKind.CPU)).isGreaterThan(atPause);
            try (var files = Files.list(dir)) {
                assertThat(files.map(f -> f.getFileName().toString())).as("no part file left")
                        .noneMatch(n -> n.contains(".part"));
            }
            assertThat(demo.process().isAlive()).isTrue();
        }
    }

    /** {@code hoist} as its launcher and jar manifest start it: with the Attach API's diagnostic commands and jvmstat exported. */
    private static ChildJvm.Builder hoist() {
        return ChildJvm.java().testClasspath().jvmArgs("--add-exports", "jdk.attach/sun.tools.attach=ALL-UNNAMED",
                "--add-exports", "jdk.internal.jvmstat/sun.jvmstat.monitor=ALL-UNNAMED")
                .mainClass(Main.class);
    }

    /** What {@code jcmd pid command} prints, as a user would check the target. */
    private static String jcmd(long pid, String command) throws Exception {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid), command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return out;
    }

    /** The sample count of {@code kind} in the header's second row ("samples cpu 1,234 wall 56"); 0 when absent. */
    private static long count(String screen, String kind) {
        String row = screen.lines().skip(1).findFirst().orElse("");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\b" + kind + " ([\\d,]+)").matcher(row);
        return m.find() ? Long.parseLong(m.group(1).replace(",", "")) : 0;
    }

    @Test
    void withoutATerminalItPrintsAPlainSnapshotEveryFewSecondsAndKeepsTheRecordingOnCtrlC(@TempDir Path dir) throws Exception {
        Path jfr = dir.resolve("plain.jfr");
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        try (ChildJvm demo = ChildJvm.java().testClasspath().mainClass(Catalog.DEMO_MAIN).mergeStderr()
                .readyPrefix("demo: ").start();
             ChildJvm hoist = hoist()
                     .args("attach", Long.toString(demo.pid()), "--every", "2s", "--recording", jfr.toString())
                     .stdoutTo(ProcessBuilder.Redirect.to(out.toFile())).stderrTo(ProcessBuilder.Redirect.to(err.toFile()))
                     .start()) {
            String printed = awaitFile(out, "two snapshots with the hot loop", s -> s.split("--- hoist attach", -1).length > 2
                    && s.contains("OrderFeed.parse"), hoist.process());
            assertThat(printed).contains("JVM " + demo.pid()).contains("Busiest threads").doesNotContain("\u001b[");
            new ProcessBuilder("kill", "-INT", Long.toString(hoist.pid())).start().waitFor();
            assertThat(hoist.process().waitFor(60, TimeUnit.SECONDS)).as("hoist ended after Ctrl-C").isTrue();
            assertThat(Files.readString(err, StandardCharsets.UTF_8)).contains("recording: " + jfr);
            assertThat(jfr).isNotEmptyFile();
            assertThat(demo.process().isAlive()).isTrue();
        }
    }

    @Test
    void aTargetKilledMidSessionEndsItWithTheLineAndExitCodeOfProfileAndKeepsItsSamples(@TempDir Path dir) throws Exception {
        Path jfr = dir.resolve("killed.jfr");
        try (ChildJvm probe = ChildJvm.java().testClasspath().mainClass(ProfileCommandTest.PROBE)
                .mergeStderr().readyPrefix("ready").start()) {
            // no terminal here (the test's own JVM): the plain snapshots, every second
            java.util.concurrent.CompletableFuture<MainTest.Result> session = java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> MainTest.run("attach", Long.toString(probe.pid()), "--no-repair", "--every", "1s", "--recording", jfr.toString()));
            // killed once the recording holds samples in a complete chunk, as a reader following it sees them
            dev.hoist.core.profile.LiveRecording follow = new dev.hoist.core.profile.LiveRecording(jfr);
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (follow.current().size() == 0 && !session.isDone() && System.nanoTime() < deadline) {
                follow.poll();
                Thread.sleep(100);
            }
            assertThat(follow.current().size()).as("samples on disk before the kill").isPositive();
            probe.process().destroyForcibly();
            MainTest.Result r = session.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            assertThat(r.code()).as(r.err()).isEqualTo(Failure.TARGET_EXITED.exitCode());
            assertThat(r.err()).contains("hoist: JVM " + probe.pid() + " exited after").contains(jfr.toString())
                    .contains("the target exited");
            assertThat(jfr).isNotEmptyFile();
        }
    }

    @Test
    void aTargetThatIsNotThereGetsTheOneLineAndExitCodeOfProfile() {
        MainTest.Result r = MainTest.run("attach", "999999999");
        assertThat(r.code()).isEqualTo(Failure.NO_SUCH_PROCESS.exitCode());
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).startsWith("hoist: ");
    }

    /** Whether a page's footer says its last line is shown ("lines 15-36 of 36"), or it has no more lines. */
    private static boolean atEnd(String screen) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("lines (\\d+)-(\\d+) of (\\d+)").matcher(screen);
        return !m.find() || m.group(2).equals(m.group(3));
    }

    private static String awaitFile(Path file, String what, Predicate<String> done, Process p) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        String text = "";
        while (System.nanoTime() < deadline) {
            text = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
            if (done.test(text)) {
                return text;
            }
            if (p != null && !p.isAlive()) {
                break;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("waited in vain for " + what + "; " + file + " holds:\n" + text);
    }

    /** A tmux server of the test's own (its own socket), with one session running a command in a pane. */
    static final class Tmux implements AutoCloseable {
        private final String socket;
        private final Path err;

        private Tmux(String socket, Path err) {
            this.socket = socket;
            this.err = err;
        }

        /** Starts {@code command} in a detached pane of {@code cols} x {@code rows}; its stderr and exit code go to {@code err}. */
        static Tmux start(Path dir, int cols, int rows, List<String> command, Path err) throws Exception {
            assertThat(new ProcessBuilder("sh", "-c", "command -v tmux").start().waitFor())
                    .as("tmux is needed to give hoist attach a real terminal (.ci/run installs it)").isZero();
            Tmux t = new Tmux("hoist-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime(), err);
            StringBuilder sh = new StringBuilder("cd ").append(quote(dir.toString())).append(" && ");
            for (String c : command) {
                sh.append(quote(c)).append(' ');
            }
            sh.append("2> ").append(quote(err.toString())).append("; echo exit=$? >> ").append(quote(err.toString()))
                    .append("; sleep 600");
            t.run("new-session", "-d", "-s", "attach", "-x", Integer.toString(cols), "-y", Integer.toString(rows), sh.toString());
            return t;
        }

        private static String quote(String s) {
            return "'" + s.replace("'", "'\\''") + "'";
        }

        private String run(String... args) throws IOException, InterruptedException {
            List<String> cmd = new ArrayList<>(List.of("tmux", "-L", socket));
            cmd.addAll(List.of(args));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("tmux " + String.join(" ", args) + " failed: " + out);
            }
            return out;
        }

        String screen() throws IOException, InterruptedException {
            return run("capture-pane", "-p", "-t", "attach");
        }

        void keys(String key) throws IOException, InterruptedException {
            run("send-keys", "-t", "attach", key);
        }

        /** Waits until the screen shows what {@code done} accepts; fails with the last screen and hoist's stderr. */
        String await(String what, Predicate<String> done) throws Exception {
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            String s = "";
            while (System.nanoTime() < deadline) {
                s = screen();
                if (done.test(s)) {
                    return s;
                }
                if (Files.exists(err) && Files.readString(err, StandardCharsets.UTF_8).contains("exit=")) {
                    break;
                }
                Thread.sleep(250);
            }
            throw new AssertionError("waited in vain for " + what + "; the screen:\n" + s + "\nhoist's stderr:\n"
                    + (Files.exists(err) ? Files.readString(err, StandardCharsets.UTF_8) : ""));
        }

        String awaitFile(String what, Predicate<String> done) throws Exception {
            return AttachCommandTest.awaitFile(err, what, done, null);
        }

        /** Kills the server, and with it the pane and the hoist in it. */
        @Override
        public void close() throws Exception {
            try {
                run("kill-server");
            } catch (IOException e) {
                // already gone
            }
        }
    }
}
