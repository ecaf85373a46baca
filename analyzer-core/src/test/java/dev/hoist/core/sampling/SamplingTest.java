package dev.hoist.core.sampling;

import com.sun.tools.attach.VirtualMachine;
import dev.hoist.core.Failure;
import dev.hoist.core.HoistException;
import dev.hoist.core.jvm.JvmInfo;
import dev.hoist.core.jvm.Probe;
import dev.hoist.core.jvm.Targets;
import dev.hoist.testkit.ChildJvm;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static dev.hoist.core.sampling.SamplingEvent.ALLOC;
import static dev.hoist.core.sampling.SamplingEvent.CPU;
import static dev.hoist.core.sampling.SamplingEvent.LOCK;
import static dev.hoist.core.sampling.SamplingEvent.WALL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Samples a real probe JVM with the real samplers and reads the recordings back: the hot method
 * must be among the top three, the allocation site must be reported, and every way a run can go
 * wrong (target exits, profiler already running) must keep samples or say exactly why not.
 */
class SamplingTest {
    private static final String CRUNCH = "dev.hoist.workloads.probe.HotAndAlloc.crunch";
    private static final String POINT_AT_CHURN = "dev.hoist.workloads.probe.HotAndAlloc$Point @ "
            + "dev.hoist.workloads.probe.HotAndAlloc.churn";

    @TempDir
    Path tmp;
    Path launcher;

    @BeforeEach
    void launcher() throws Exception {
        launcher = Probe.launcherJar(tmp, "probe-" + UUID.randomUUID().toString().substring(0, 8));
    }

    private SamplingRequest request(String file, Duration d, Set<SamplingEvent> events) {
        return SamplingRequest.of(tmp.resolve(file), d, events);
    }

    private static void assertHotMethodAndAllocationSite(Path jfr) throws Exception {
        assertThat(Recordings.topMethods(jfr, 3)).contains(CRUNCH);
        assertThat(Recordings.allocationSites(jfr)).containsKey(POINT_AT_CHURN);
    }

    @Test
    void asyncProfilerFindsTheHotMethodAndTheAllocationSite() throws Exception {
        try (ChildJvm child = Probe.child(launcher).start()) {
            JvmInfo target = Targets.resolve(Long.toString(child.pid()));
            SamplingResult r = Samplers.start(target, request("ap.jfr", Duration.ofSeconds(3), EnumSet.of(CPU, ALLOC)),
                    Samplers.Choice.AUTO).awaitResult();
            assertThat(r.sampler()).isEqualTo("async-profiler 4.2");
            assertThat(r.engine()).isIn("perf_events", "ctimer", "itimer");
            assertThat(r.targetExited()).isFalse();
            assertThat(r.duration()).isGreaterThanOrEqualTo(Duration.ofSeconds(3));
            assertHotMethodAndAllocationSite(r.file());
            assertThat(AsyncProfilerSampler.loadedCopies(child.pid())).isNotEmpty();
            assertThat(status(child.pid())).contains("not active");
        }
    }

    @Test
    void flightRecorderFindsTheHotMethodAndTheAllocationSite() throws Exception {
        try (ChildJvm child = Probe.child(launcher).start()) {
            JvmInfo target = Targets.resolve(Long.toString(child.pid()));
            SamplingResult r = Samplers.start(target, request("jfr.jfr", Duration.ofSeconds(3), EnumSet.of(CPU, ALLOC)),
                    Samplers.Choice.JFR).awaitResult();
            assertThat(r.sampler()).isEqualTo("jfr");
            assertThat(r.engine()).isEqualTo("jfr");
            assertThat(r.targetExited()).isFalse();
            assertHotMethodAndAllocationSite(r.file());
        }
    }

    @Test
    void asyncProfilerSamplesAJdk25TargetFromThisJdk() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(ChildJvm.JDK25.resolve("bin/java")), "needs JDK 25 at " + ChildJvm.JDK25);
        try (ChildJvm child = Probe.child(launcher).javaHome(ChildJvm.JDK25).start()) {
            JvmInfo target = Targets.resolve(Long.toString(child.pid()));
            SamplingResult r = Samplers.start(target, request("ap25.jfr", Duration.ofSeconds(3), EnumSet.of(CPU, ALLOC)),
                    Samplers.Choice.ASYNC_PROFILER).awaitResult();
            assertHotMethodAndAllocationSite(r.file());
            // JDK 21+ may warn about agents loaded at run time; shown so the report can say what the target printed
            System.out.println("JDK 25 target stderr after loading async-profiler: [" + child.stderr().strip() + "]");
        }
    }

    @Test
    void allFourEventsGoIntoOneRecording() throws Exception {
        try (ChildJvm child = Probe.child(launcher).start()) {
            JvmInfo target = Targets.resolve(Long.toString(child.pid()));
            SamplingRequest req = request("all.jfr", Duration.ofSeconds(2), EnumSet.of(CPU, WALL, ALLOC, LOCK))
                    .withCpuInterval(Duration.ofMillis(5));
            SamplingResult r = Samplers.start(target, req, Samplers.Choice.ASYNC_PROFILER).awaitResult();
            assertThat(r.events()).containsExactlyInAnyOrder(CPU, WALL, ALLOC, LOCK);
            assertThat(Recordings.eventTypes(r.file())).contains("jdk.ExecutionSample", "profiler.WallClockSample",
                    "jdk.ObjectAllocationInNewTLAB");
            // the probe has no contended lock, so lock shows as an enabled setting rather than as samples
            assertThat(Recordings.events(r.file())).anySatisfy(e -> {
                assertThat(e.getEventType().getName()).isEqualTo("jdk.ActiveSetting");
                assertThat(e.getString("name")).isEqualTo("interval");
                assertThat(e.getString("value")).isEqualTo("5000000");
            });
        }
    }

    @Test
    void aTargetThatExitsMidRunKeepsWhatWasSampled() throws Exception {
        try (ChildJvm child = Probe.child(launcher).args("--seconds", "4").start()) {
            JvmInfo target = Targets.resolve(Long.toString(child.pid()));
            SamplingResult r = Samplers.start(target, request("exit.jfr", Duration.ofSeconds(8), EnumSet.of(CPU, ALLOC)),
                    Samplers.Choice.ASYNC_PROFILER).awaitResult();
            assertThat(r.targetExited()).isTrue();
            assertThat(r.duration()).isLessThan(Duration.ofSeconds(8));
            assertThat(r.file()).isNotNull();
            assertThat(Recordings.topMethods(r.file(), 3)).contains(CRUNCH);
            HoistException e = r.exitFailure(target.pid());
            assertThat(e.failure().exitCode()).isEqualTo(7);
            assertThat(e.getMessage()).contains("exited after", "the samples taken so far are in " + r.file());
        }
    }

    @Test
    void aTargetKilledMidRunKeepsTheCheckpointedChunks() throws Exception {
        try (ChildJvm child = Probe.child(launcher).start()) {
            JvmInfo target = Targets.resolve(Long.toString(child.pid()));
            SamplingSession s = Samplers.start(target, request("killed.jfr", Duration.ofSeconds(6), EnumSet.of(CPU, ALLOC)),
                    Samplers.Choice.ASYNC_PROFILER);
            Thread killer = new Thread(() -> {
                try {
                    Thread.sleep(2_500);
                } catch (InterruptedException e) {
                    return;
                }
                child.process().destroyForcibly(); // SIGKILL: no shutdown, no chance to flush
            });
            killer.start();
            SamplingResult r = s.awaitResult();
            killer.join();
            assertThat(r.targetExited()).isTrue();
            assertThat(r.file()).isNotNull();
            assertThat(Recordings.count(r.file(), "jdk.ExecutionSample")).isPositive();
            assertHotMethodAndAllocationSite(r.file());
        }
    }

    @Test
    void flightRecorderKeepsWhatWasSampledWhenTheTargetExits() throws Exception {
        try (ChildJvm child = Probe.child(launcher).start()) {
            JvmInfo target = Targets.resolve(Long.toString(child.pid()));
            // Flight Recorder can take seconds to start on a busy machine, so the exit is timed from its start
            SamplingSession s = Samplers.start(target, request("jfr-exit.jfr", Duration.ofSeconds(15), EnumSet.of(CPU)),
                    Samplers.Choice.JFR);
            Thread.sleep(2_000);
            child.process().destroy(); // SIGTERM: an orderly exit, as when the service is stopped
            SamplingResult r = s.awaitResult();
            assertThat(r.targetExited()).isTrue();
            assertThat(r.file()).isNotNull();
            assertThat(Recordings.topMethods(r.file(), 3)).contains(CRUNCH);
        }
    }

    @Test
    void flightRecorderGrowsTheRecordingByCompleteChunksWhileItRuns() throws Exception {
        try (ChildJvm child = Probe.child(launcher).start()) {
            JvmInfo target = Targets.resolve(Long.toString(child.pid()));
            SamplingRequest req = request("jfr-grows.jfr", Duration.ofSeconds(6), EnumSet.of(CPU, ALLOC));
            SamplingSession s = new JfrSampler().start(target, req);
            // a checkpoint in (every 2 s): the file on disk is already a readable recording with the hot method
            awaitCheckpointWithCrunch(req.output());
            assertThat(Recordings.topMethods(req.output(), 3)).contains(CRUNCH);
            long during = Files.size(req.output());
            SamplingResult r = s.awaitResult();
            assertThat(Files.size(r.file())).isGreaterThan(during);
            assertHotMethodAndAllocationSite(r.file());
            assertThat(r.notes()).noneMatch(n -> n.contains("could not close"));
        }
    }

    @Test
    void flightRecorderKeepsTheCheckpointedChunksWhenTheTargetIsKilled() throws Exception {
        try (ChildJvm child = Probe.child(launcher).start()) {
            assertKilledTargetKeepsCheckpointedChunks(child, "jfr-killed.jfr");
        }
    }

    @Test
    void flightRecorderCheckpointsAJdk25TargetToo() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(ChildJvm.JDK25.resolve("bin/java")), "needs JDK 25 at " + ChildJvm.JDK25);
        try (ChildJvm child = Probe.child(launcher).javaHome(ChildJvm.JDK25).start()) {
            assertKilledTargetKeepsCheckpointedChunks(child, "jfr25-killed.jfr");
        }
    }

    private void assertKilledTargetKeepsCheckpointedChunks(ChildJvm child, String file) throws Exception {
        JvmInfo target = Targets.resolve(Long.toString(child.pid()));
        SamplingRequest req = request(file, Duration.ofSeconds(15), EnumSet.of(CPU));
        SamplingSession s = new JfrSampler().start(target, req);
        awaitCheckpointWithCrunch(req.output());
        child.process().destroyForcibly(); // SIGKILL: no shutdown, so no dump on exit
        SamplingResult r = s.awaitResult();
        assertThat(r.targetExited()).isTrue();
        assertThat(r.file()).isNotNull();
        assertThat(Recordings.topMethods(r.file(), 3)).contains(CRUNCH);
    }

    /** Waits (up to 20 s) until a checkpoint has put a readable chunk with the hot method on disk. */
    private static void awaitCheckpointWithCrunch(java.nio.file.Path output) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < until) {
            try {
                if (Files.size(output) > 0 && Recordings.topMethods(output, 3).contains(CRUNCH)) {
                    return;
                }
            } catch (java.io.IOException | RuntimeException e) {
                // not written yet, or the first chunk still on its way
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no checkpoint with " + CRUNCH + " in " + output + " within 20 s");
    }

    @Test
    void samplingTheSameTargetTwiceWorks() throws Exception {
        try (ChildJvm child = Probe.child(launcher).start()) {
            JvmInfo target = Targets.resolve(Long.toString(child.pid()));
            for (String name : List.of("first.jfr", "second.jfr")) {
                SamplingResult r = Samplers.start(target, request(name, Duration.ofSeconds(1), EnumSet.of(CPU)),
                        Samplers.Choice.ASYNC_PROFILER).awaitResult();
                assertThat(Recordings.count(r.file(), "jdk.ExecutionSample")).isPositive();
            }
            SamplingResult viaJfr = Samplers.start(target, request("third.jfr", Duration.ofSeconds(1), EnumSet.of(CPU)),
                    Samplers.Choice.JFR).awaitResult();
            assertThat(Recordings.count(viaJfr.file(), "jdk.ExecutionSample")).isPositive();
        }
    }

    @Test
    void stoppingEarlyWritesTheRecordingAndStopsTheProfiler() throws Exception {
        try (ChildJvm child = Probe.child(launcher).start()) {
            JvmInfo target = Targets.resolve(Long.toString(child.pid()));
            SamplingSession s = Samplers.start(target, request("early.jfr", Duration.ofSeconds(30), EnumSet.of(CPU)),
                    Samplers.Choice.ASYNC_PROFILER);
            Thread.sleep(1_500);
            assertThat(s.elapsed()).isGreaterThanOrEqualTo(Duration.ofMillis(1_500));
            assertThat(s.remaining()).isLessThan(Duration.ofSeconds(29));
            SamplingResult r = s.stop();
            assertThat(s.stop()).isSameAs(r);
            assertThat(r.duration()).isLessThan(Duration.ofSeconds(30));
            assertThat(r.targetExited()).isFalse();
            assertThat(Recordings.count(r.file(), "jdk.ExecutionSample")).isPositive();
            assertThat(status(child.pid())).contains("not active");
        }
    }

    @Test
    void ctrlCInHoistStillWritesTheRecordingAndStopsTheProfiler() throws Exception {
        try (ChildJvm child = Probe.child(launcher).start()) {
            Path out = tmp.resolve("ctrl-c.jfr");
            try (ChildJvm sampler = ChildJvm.java().testClasspath().mainClass(SampleMain.class)
                    .args(Long.toString(child.pid()), out.toString(), "ASYNC_PROFILER")
                    .pipeStdout().stderrTo(ProcessBuilder.Redirect.INHERIT).start()) {
                Process hoist = sampler.process();
                var lines = new java.io.BufferedReader(new java.io.InputStreamReader(hoist.getInputStream()));
                assertThat(lines.readLine()).isEqualTo("sampling");
                Thread.sleep(2_000);
                hoist.destroy(); // SIGTERM runs shutdown hooks, as Ctrl-C (SIGINT) does
                assertThat(hoist.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            }
            assertThat(Recordings.topMethods(out, 3)).contains(CRUNCH);
            assertThat(status(child.pid())).contains("not active");
        }
    }

    @Test
    void aProfilerLeftRunningByHoistIsReportedOrTakenOver() throws Exception {
        try (ChildJvm child = Probe.child(launcher).start()) {
            JvmInfo target = Targets.resolve(Long.toString(child.pid()));
            AsyncProfilerSampler ap = new AsyncProfilerSampler();
            // what a crashed Hoist leaves behind: our library started, never stopped
            agent(child.pid(), ap.libraryPath(), "start,event=cpu,jfr,file=" + tmp.resolve("orphan.jfr"));
            SamplingRequest req = request("after.jfr", Duration.ofSeconds(1), EnumSet.of(CPU));
            assertThatThrownBy(() -> ap.start(target, req))
                    .isInstanceOfSatisfying(HoistException.class, e -> {
                        assertThat(e.failure().exitCode()).isEqualTo(10);
                        assertThat(e.getMessage()).isEqualTo("async-profiler is already running in JVM " + child.pid()
                                + " (started by a Hoist session that is still running or crashed); stop it with `asprof stop "
                                + child.pid() + "`, rerun with --take-over to stop it, or use --sampler jfr");
                    });
            SamplingResult r = ap.start(target, req.withTakeOver(true)).awaitResult();
            assertThat(r.notes()).anySatisfy(n -> assertThat(n).startsWith("stopped an async-profiler that was already running"));
            assertThat(Recordings.count(r.file(), "jdk.ExecutionSample")).isPositive();
        }
    }

    @Test
    void anotherToolsAsyncProfilerIsNamedWithItsLibrary() throws Exception {
        try (ChildJvm child = Probe.child(launcher).start()) {
            JvmInfo target = Targets.resolve(Long.toString(child.pid()));
            Path other = tmp.resolve("other-tool").resolve("libasyncProfiler.so");
            Files.createDirectories(other.getParent());
            Files.copy(new AsyncProfilerSampler().libraryPath(), other);
            agent(child.pid(), other, "start,event=cpu,jfr,file=" + tmp.resolve("theirs.jfr"));
            Path otherReal = other.toRealPath();
            try {
                assertThatThrownBy(() -> Samplers.start(target, request("ours.jfr", Duration.ofSeconds(1), EnumSet.of(CPU)),
                        Samplers.Choice.AUTO))
                        .isInstanceOfSatisfying(HoistException.class, e -> {
                            assertThat(e.failure()).isEqualTo(Failure.SAMPLER_FAILED);
                            assertThat(e.getMessage()).contains("async-profiler is already running in JVM " + child.pid()
                                    + " (started by another tool, from " + otherReal + ")", "--sampler jfr");
                        });
                // the way out the message offers works while the other profiler keeps running
                SamplingResult r = Samplers.start(target, request("jfr.jfr", Duration.ofSeconds(1), EnumSet.of(CPU)),
                        Samplers.Choice.JFR).awaitResult();
                assertThat(Recordings.count(r.file(), "jdk.ExecutionSample")).isPositive();
            } finally {
                agent(child.pid(), other, "stop");
            }
        }
    }

    @Test
    void aLibraryThatCannotLoadFallsBackToFlightRecorderAndSaysWhy() throws Exception {
        try (ChildJvm child = Probe.child(launcher).start()) {
            JvmInfo target = Targets.resolve(Long.toString(child.pid()));
            // a file that is not a shared library fails in the target's dlopen, as a wrong libc or arch would
            Path broken = tmp.resolve("libasyncProfiler.so");
            Files.writeString(broken, "not an ELF file");
            AsyncProfilerSampler primary = new AsyncProfilerSampler(new AgentLibrary.Extracted(broken, "4.2", "x"));
            SamplingResult r = Samplers.start(target, request("fallback.jfr", Duration.ofSeconds(2), EnumSet.of(CPU)),
                    Samplers.Choice.AUTO, () -> primary).awaitResult();
            assertThat(r.sampler()).isEqualTo("jfr");
            assertThat(r.notes().get(0)).startsWith("async-profiler could not run (async-profiler could not be loaded into JVM "
                    + child.pid()).endsWith("used JDK Flight Recorder");
            assertThat(Recordings.topMethods(r.file(), 3)).contains(CRUNCH);
        }
    }

    /** Sends one command to an async-profiler library in the target, as another tool would. */
    private static void agent(long pid, Path lib, String args) throws Exception {
        VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
        try {
            vm.loadAgentPath(lib.toString(), args);
        } finally {
            vm.detach();
        }
    }

    private static String status(long pid) throws Exception {
        VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
        try {
            return AsyncProfilerSampler.command(vm, AgentLibrary.extract().path(), pid, "status", null);
        } finally {
            vm.detach();
        }
    }
}
