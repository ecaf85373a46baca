package dev.hoist.core.sampling;

import com.sun.tools.attach.VirtualMachine;
import dev.hoist.core.jvm.JvmInfo;
import dev.hoist.core.jvm.Probe;
import dev.hoist.core.jvm.Targets;
import dev.hoist.core.profile.EventKind;
import dev.hoist.core.profile.Profile;
import dev.hoist.core.profile.ProfileReader;
import dev.hoist.testkit.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static dev.hoist.core.sampling.SamplingEvent.ALLOC;
import static dev.hoist.core.sampling.SamplingEvent.CPU;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JDK Flight Recorder sampler keeps a readable recording however the target dies: ten targets
 * killed with SIGKILL at times from one JFR checkpoint period (2 s) to 5 s into sampling, each must
 * leave a recording that reads and holds cpu samples. And a normal run leaves nothing behind in the
 * target or on disk but the recording.
 */
class JfrKillTest {
    @TempDir
    Path tmp;

    @Test
    void aTargetKilledAtAnyTimeAfterOnePeriodLeavesAReadableRecording() throws Exception {
        Path launcher = Probe.launcherJar(tmp, "probe-kill");
        List<String> lost = new ArrayList<>();
        for (int run = 0; run < 10; run++) {
            long killAfterMs = 2000 + run * 330L; // 2.0 s to 5.0 s, past the checkpoint at every phase of the period
            Path out = tmp.resolve("killed-" + run + ".jfr");
            try (ChildJvm child = Probe.child(launcher).start()) {
                JvmInfo target = Targets.resolve(Long.toString(child.pid()));
                SamplingSession s = new JfrSampler().start(target, SamplingRequest.of(out, Duration.ofSeconds(30), EnumSet.of(CPU, ALLOC)));
                Thread.sleep(killAfterMs);
                child.process().destroyForcibly(); // SIGKILL: no shutdown hook, no dump on exit
                SamplingResult r = s.awaitResult();
                assertThat(r.targetExited()).isTrue();
                if (r.file() == null) {
                    lost.add("run " + run + " (killed after " + killAfterMs + " ms): no recording; notes " + r.notes());
                    continue;
                }
                Profile p = ProfileReader.read(r.file());
                if (p.sampleCounts().getOrDefault(EventKind.CPU, 0L) == 0) {
                    lost.add("run " + run + " (killed after " + killAfterMs + " ms): no cpu samples in " + r.file());
                }
            }
        }
        assertThat(lost).isEmpty();
    }

    @Test
    void aNormalRunLeavesNoAgentNoRecordingAndNoFolderInTheTarget() throws Exception {
        Path launcher = Probe.launcherJar(tmp, "probe-clean");
        Set<Path> foldersBefore = exchangeFolders();
        try (ChildJvm child = Probe.child(launcher).start()) {
            JvmInfo target = Targets.resolve(Long.toString(child.pid()));
            SamplingResult r = new JfrSampler().start(target, SamplingRequest.of(tmp.resolve("clean.jfr"),
                    Duration.ofSeconds(3), EnumSet.of(CPU))).awaitResult();
            assertThat(r.notes()).noneMatch(n -> n.contains("could not close"));
            assertThat(ProfileReader.read(r.file()).sampleCounts()).containsKey(EventKind.CPU);
            VirtualMachine vm = VirtualMachine.attach(Long.toString(child.pid()));
            try {
                // the local management agent publishes this once started; it is what left a JMX listener behind
                assertThat(vm.getAgentProperties()).doesNotContainKey("com.sun.management.jmxremote.localConnectorAddress");
                assertThat(dev.hoist.core.jvm.DiagnosticCommand.run(vm, "JFR.check")).doesNotContain("hoist-");
            } finally {
                vm.detach();
            }
        }
        assertThat(exchangeFolders()).isEqualTo(foldersBefore);
    }

    /**
     * Root profiling another user's JVM (issue 18.7): the target writes its dumps into a folder
     * handed to its user, the recording Hoist writes is root's and owner-only, and nothing is left
     * in the target or in the temporary folder.
     */
    @Test
    void rootSamplesAnotherUsersJvmAndKeepsTheRecordingPrivate() throws Exception {
        ChildJvm.Builder nobody = Probe.asNobody();
        Set<Path> foldersBefore = exchangeFolders();
        try (ChildJvm child = nobody.start()) {
            JvmInfo target = Targets.resolve(Long.toString(child.pid()));
            Path out = tmp.resolve("other-user.jfr");
            SamplingResult r = new JfrSampler().start(target, SamplingRequest.of(out, Duration.ofSeconds(3), EnumSet.of(CPU)))
                    .awaitResult();
            assertThat(ProfileReader.read(r.file()).sampleCounts()).containsKey(EventKind.CPU);
            assertThat(Files.getOwner(out).getName()).isEqualTo("root");
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(out))).isEqualTo("rw-------");
            VirtualMachine vm = VirtualMachine.attach(Long.toString(child.pid()));
            try {
                assertThat(dev.hoist.core.jvm.DiagnosticCommand.run(vm, "JFR.check")).doesNotContain("hoist-");
            } finally {
                vm.detach();
            }
        }
        assertThat(exchangeFolders()).isEqualTo(foldersBefore);
    }

    private static Set<Path> exchangeFolders() throws IOException {
        try (Stream<Path> s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return s.filter(p -> p.getFileName().toString().startsWith("hoist-jfr-")).collect(Collectors.toSet());
        }
    }
}
