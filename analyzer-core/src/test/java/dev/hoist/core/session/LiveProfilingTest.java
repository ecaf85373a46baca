package dev.hoist.core.session;

import dev.hoist.core.classes.ClassLookup;
import dev.hoist.core.jvm.Probe;
import dev.hoist.testkit.ChildJvm;
import dev.hoist.core.jvm.JvmInfo;
import dev.hoist.core.jvm.TargetClassBytes;
import dev.hoist.core.jvm.Targets;
import dev.hoist.core.profile.EventKind;
import dev.hoist.core.profile.MethodStats;
import dev.hoist.core.profile.Profile;
import dev.hoist.core.profile.ProfileReader;
import dev.hoist.core.sampling.SamplingEvent;
import dev.hoist.core.sampling.SamplingRequest;
import dev.hoist.core.sampling.SamplingResult;
import dev.hoist.core.sampling.Samplers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live use case on real child JVMs running the probe workload: repaired, sampled, followed
 * while the recording grows, stopped, read whole, and asked for class bytes; a target that exits
 * keeps what was sampled and says why its classes could not be read.
 */
class LiveProfilingTest {
    private static final String PROBE = "dev.hoist.workloads.probe.HotAndAlloc";

    @TempDir
    Path tmp;
    Path launcher;

    @BeforeEach
    void launcher() throws Exception {
        launcher = Probe.launcherJar(tmp, "probe-" + UUID.randomUUID().toString().substring(0, 8));
    }

    private static List<String> topMethods(Profile p, int n) {
        return MethodStats.of(p, EventKind.CPU).bySelf().stream().limit(n)
                .map(s -> s.method().className() + "." + s.method().name()).toList();
    }

    @Test
    void repairsSamplesFollowsTheRecordingAndReadsClassesFromTheTarget() throws Exception {
        ChildJvm child = Probe.child(launcher).start();
        LiveProfiling live = null;
        try {
            JvmInfo target = Targets.resolvePid(child.pid());
            List<String> said = new CopyOnWriteArrayList<>();
            SamplingRequest request = SamplingRequest.of(tmp.resolve("live.jfr"), Duration.ofMinutes(2),
                    EnumSet.of(SamplingEvent.CPU, SamplingEvent.ALLOC));
            live = LiveProfiling.start(target, request, LiveProfiling.Options.defaults(), said::add);

            // the repair ran before the sampler and said what it did, in the words hoist profile prints
            assertThat(live.repair()).isNotNull();
            assertThat(said).first().isEqualTo(live.repair().note());
            assertThat(live.repair().note()).matches("repaired debug info: .*|debug info not repaired: .*");
            assertThat(live.targetClassPath()).contains(launcher.getFileName().toString());
            assertThat(live.classPath("/extra.jar")).startsWith(live.targetClassPath()).endsWith("/extra.jar");

            // the recording is followed while the sampler writes it
            Optional<Profile> snapshot = Optional.empty();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline && (snapshot.isEmpty() || snapshot.get().size() == 0)) {
                Thread.sleep(500);
                Optional<Profile> next = live.poll();
                if (next.isPresent()) {
                    snapshot = next;
                }
            }
            assertThat(snapshot).as("a snapshot while sampling").isPresent();
            assertThat(snapshot.get().size()).isPositive();
            assertThat(live.ended()).isFalse();

            SamplingResult result = live.stop();
            assertThat(result.targetExited()).isFalse();
            Profile whole = live.recorded(result);
            assertThat(whole.size()).isGreaterThanOrEqualTo(snapshot.get().size());
            assertThat(whole.size()).as("what was followed equals a whole read").isEqualTo(ProfileReader.read(result.file()).size());
            assertThat(topMethods(whole, 3)).contains(PROBE + ".crunch");

            // classes the advice lacks come from the target's memory, and that is said
            ClassLookup got = live.missingClasses().fetch(List.of(PROBE));
            assertThat(got.classBytes(PROBE.replace('.', '/'))).isPresent();
            assertThat(said).contains("read 1 class(es) that are on no path from JVM " + child.pid() + "'s memory");
            assertThat(child.process().isAlive()).as("profiling leaves the target running").isTrue();
        } finally {
            if (live != null) {
                live.close();
            }
            child.close();
        }
    }

    @Test
    void withFlightRecorderTheRepairSaysWhyNot() throws Exception {
        ChildJvm child = Probe.child(launcher).start();
        LiveProfiling live = null;
        try {
            JvmInfo target = Targets.resolvePid(child.pid());
            List<String> said = new CopyOnWriteArrayList<>();
            live = LiveProfiling.start(target, SamplingRequest.of(tmp.resolve("jfr.jfr"), Duration.ofSeconds(2),
                    EnumSet.of(SamplingEvent.CPU)), LiveProfiling.Options.defaults().withSampler(Samplers.Choice.JFR), said::add);
            assertThat(live.repair().repaired()).isFalse();
            assertThat(said).containsExactly(live.repair().note());
            assertThat(said.get(0)).startsWith("debug info not repaired: with JDK Flight Recorder");
            SamplingResult result = live.awaitResult();
            assertThat(result.sampler()).isEqualTo("jfr");
            assertThat(live.recorded(result).size()).isPositive();
        } finally {
            if (live != null) {
                live.close();
            }
            child.close();
        }
    }

    @Test
    void aTargetThatExitsKeepsWhatWasSampledAndItsClassesSayWhy() throws Exception {
        ChildJvm child = Probe.child(launcher).args("--seconds", "4").start();
        LiveProfiling live = null;
        try {
            JvmInfo target = Targets.resolvePid(child.pid());
            List<String> said = new CopyOnWriteArrayList<>();
            live = LiveProfiling.start(target, SamplingRequest.of(tmp.resolve("exit.jfr"), Duration.ofSeconds(30),
                    EnumSet.of(SamplingEvent.CPU)), LiveProfiling.Options.defaults().withRepair(false), said::add);
            assertThat(live.repair()).as("not asked for").isNull();
            SamplingResult result = live.awaitResult();
            assertThat(result.targetExited()).isTrue();
            assertThat(live.ended()).isTrue();
            assertThat(topMethods(live.recorded(result), 3)).contains(PROBE + ".crunch");
            TargetClassBytes got = (TargetClassBytes) live.missingClasses().fetch(List.of(PROBE));
            assertThat(got.whyMissing(PROBE.replace('.', '/'))).hasValueSatisfying(
                    why -> assertThat(why).contains("exited before Hoist could read this class"));
            assertThat(said).isEmpty();
        } finally {
            if (live != null) {
                live.close();
            }
            child.close();
        }
    }
}
