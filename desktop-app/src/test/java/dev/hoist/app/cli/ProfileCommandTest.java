package dev.hoist.app.cli;

import dev.hoist.testkit.ChildJvm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hoist.core.Failure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code hoist profile} and {@code hoist demo} against real JVMs: the recording lands on disk,
 * the report names the known hot method and allocation site, and bad targets get their one line
 * and exit code.
 */
class ProfileCommandTest {

    static final String PROBE = "dev.hoist.workloads.probe.HotAndAlloc";
    static final ObjectMapper JSON = new ObjectMapper();

    static List<String> methodNames(JsonNode report) {
        List<String> names = new ArrayList<>();
        for (JsonNode m : report.at("/hotMethods/methods")) {
            names.add(m.get("method").asText());
        }
        return names;
    }

    @Test
    void profilesARunningJvmWritesTheRecordingAndReportsTheHotMethod(@TempDir Path dir) throws Exception {
        Path jfr = dir.resolve("probe.jfr");
        try (ChildJvm probe = ChildJvm.java().testClasspath().mainClass(PROBE)
                .mergeStderr().readyPrefix("ready").start()) {
            Path reportFile = dir.resolve("probe.json");
            MainTest.Result r = MainTest.run("profile", Long.toString(probe.pid()), "--duration", "3s",
                    "--event", "cpu,alloc", "--recording", jfr.toString(), "--format", "json", "--out", reportFile.toString());
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.err()).doesNotContain("deprecated");
            assertThat(jfr).isNotEmptyFile();
            // the recording holds the target's JVM arguments, the report its names: the owner's only
            assertThat(java.nio.file.Files.getPosixFilePermissions(jfr)).isEqualTo(dev.hoist.core.PrivateFiles.OWNER_ONLY);
            assertThat(java.nio.file.Files.getPosixFilePermissions(reportFile)).isEqualTo(dev.hoist.core.PrivateFiles.OWNER_ONLY);
            r = new MainTest.Result(r.code(), java.nio.file.Files.readString(reportFile), r.err());
            assertThat(r.err()).contains("recording: " + jfr);
            JsonNode report = JSON.readTree(r.out());
            assertThat(methodNames(report).subList(0, 3)).contains(PROBE + ".crunch");
            assertThat(report.at("/allocations/sites").toString()).contains("HotAndAlloc$Point");
            // what this run advised with, beside the recording, for the window and hoist report to open it with
            var known = dev.hoist.core.session.RecordingSidecar.read(jfr);
            assertThat(known).isPresent();
            assertThat(known.get().classPath()).isNotBlank();
            assertThat(known.get().target()).startsWith(probe.pid() + " ");
            assertThat(java.nio.file.Files.getPosixFilePermissions(dev.hoist.core.session.RecordingSidecar.of(jfr)))
                    .isEqualTo(dev.hoist.core.PrivateFiles.OWNER_ONLY);
        }
    }

    @Test
    void aTargetNamedByItsMainClassIsFound(@TempDir Path dir) throws Exception {
        try (ChildJvm probe = ChildJvm.java().testClasspath().mainClass(PROBE)
                .mergeStderr().readyPrefix("ready").start()) {
            // --out p.jfr, as --out was spelt for the recording before it meant the report everywhere
            MainTest.Result r = MainTest.run("profile", "HotAndAlloc", "--duration", "1s",
                    "--event", "cpu", "--out", dir.resolve("p.jfr").toString());
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.err()).contains("hoist: note: --out p.jfr is taken as the recording, as before; that spelling is deprecated");
            assertThat(dir.resolve("p.jfr")).isNotEmptyFile();
            assertThat(r.err()).contains("sampling JVM " + probe.pid());
            assertThat(r.out()).contains("Hot methods");
        }
    }

    @Test
    void aTargetThatExitsWhileSampledKeepsItsSamplesAndExitsSeven(@TempDir Path dir) throws Exception {
        Path jfr = dir.resolve("exits.jfr");
        java.util.concurrent.ExecutorService hoist = java.util.concurrent.Executors.newSingleThreadExecutor();
        try (ChildJvm probe = ChildJvm.java().testClasspath().mainClass(PROBE).mergeStderr().readyPrefix("ready").start()) {
            java.util.concurrent.Future<MainTest.Result> run = hoist.submit(() -> MainTest.run("profile", Long.toString(probe.pid()),
                    "--duration", "120s", "--event", "cpu", "--recording", jfr.toString(), "--no-repair"));
            // the target dies once Hoist has samples of its hot method on disk: a state, not a lifetime of 2 s,
            // which at load 18 ended before the sampler had taken a sample
            dev.hoist.core.profile.LiveRecording live = new dev.hoist.core.profile.LiveRecording(jfr);
            long deadline = System.nanoTime() + java.time.Duration.ofSeconds(90).toNanos();
            while (System.nanoTime() < deadline && !run.isDone()
                    && !live.current().methods().stream().anyMatch(m -> m.name().equals("crunch"))) {
                Thread.sleep(250);
                live.poll();
            }
            probe.close();
            MainTest.Result r = run.get(90, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(r.code()).as(r.err()).isEqualTo(Failure.TARGET_EXITED.exitCode());
            assertThat(r.err()).contains("exited").contains(jfr.toString());
            assertThat(jfr).isNotEmptyFile();
            assertThat(r.out()).contains("crunch");
        } finally {
            hoist.shutdownNow();
        }
    }

    @Test
    void outIsTheReportAndTheOldSpellingsStillWorkWithOneNote() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        for (String cmd : List.of("profile", "attach")) {
            MainTest.Result old = MainTest.run(cmd, Long.toString(p.pid()), "--report-out", "r.json");
            assertThat(old.code()).isEqualTo(Failure.NO_SUCH_PROCESS.exitCode());
            assertThat(old.err().lines().toList()).hasSize(2)
                    .first().isEqualTo("hoist: note: --report-out is deprecated, use --out (the report, as in every hoist command)");
            MainTest.Result both = MainTest.run(cmd, Long.toString(p.pid()), "--out", "a.jfr", "--recording", "b.jfr");
            assertThat(both.code()).isEqualTo(Failure.USAGE.exitCode());
            assertThat(both.err()).startsWith("hoist: --out is the report and a report is not JFR");
            // pprof is binary and goes to a file: said before any sampling
            MainTest.Result pprof = MainTest.run(cmd, Long.toString(p.pid()), "--format", "pprof");
            assertThat(pprof.code()).isEqualTo(Failure.USAGE.exitCode());
            assertThat(pprof.err()).startsWith("hoist: pprof is binary");
            String help = MainTest.run(cmd, "--help").out();
            assertThat(help).contains("-f, --recording=<recording.jfr>").containsPattern("--out=FILE\\s+Write the report here")
                    .doesNotContain("--report-out");
        }
    }

    @Test
    void aDeadPidIsNoSuchProcess() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        MainTest.Result r = MainTest.run("profile", Long.toString(p.pid()), "--duration", "1s");
        assertThat(r.code()).isEqualTo(Failure.NO_SUCH_PROCESS.exitCode());
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).contains(Long.toString(p.pid()));
    }

    @Test
    void aProcessThatIsNotAJvmSaysSo() throws Exception {
        try (ChildJvm sleep = ChildJvm.command("sleep", "60").mergeStderr().start()) {
            MainTest.Result r = MainTest.run("profile", Long.toString(sleep.pid()), "--duration", "1s");
            assertThat(r.code()).isEqualTo(Failure.NOT_A_JVM.exitCode());
            assertThat(r.err().strip().lines()).hasSize(1);
        }
    }

    @Test
    void aJvmThatRefusesAttachSaysHowToFixIt() throws Exception {
        try (ChildJvm probe = ChildJvm.java().jvmArgs("-XX:+DisableAttachMechanism").testClasspath().mainClass(PROBE)
                .mergeStderr().readyPrefix("ready").start()) {
            MainTest.Result r = MainTest.run("profile", Long.toString(probe.pid()), "--duration", "1s");
            assertThat(r.code()).isEqualTo(Failure.ATTACH_REFUSED.exitCode());
            assertThat(r.err()).contains("DisableAttachMechanism");
            assertThat(r.err().strip().lines()).hasSize(1);
        }
    }

    @Test
    void aBadDurationIsAUsageError() {
        MainTest.Result r = MainTest.run("profile", "1", "--duration", "soon");
        assertThat(r.code()).isEqualTo(Failure.USAGE.exitCode());
        assertThat(r.err()).contains("soon");
    }

    @Test
    void demoStartsTheWorkloadProfilesItAndStopsIt(@TempDir Path dir) throws Exception {
        Path jfr = dir.resolve("demo.jfr");
        MainTest.Result r = MainTest.run("demo", "--duration", "3s", "--recording", jfr.toString(), "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(jfr).isNotEmptyFile();
        Matcher m = Pattern.compile("started as PID (\\d+)").matcher(r.err());
        assertThat(m.find()).as(r.err()).isTrue();
        long pid = Long.parseLong(m.group(1));
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).as("demo still running").isFalse();
        assertThat(methodNames(JSON.readTree(r.out()))).anyMatch(n -> n.startsWith("dev.hoist.workloads.demo."));
        assertThat(Files.size(jfr)).isPositive();
    }
}
