package dev.hoist.app.testing;

import dev.hoist.testkit.ChildJvm;
import dev.hoist.testkit.Recorder;
import dev.hoist.workloads.Catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Real recordings of the sample workloads for the advisor's end-to-end tests: each starts a child
 * JVM running a program from sample-workloads with async-profiler (cpu + alloc) or the JDK's Flight
 * Recorder on the command line, for a few seconds, and keeps the file for the test JVM's life.
 */
public final class AdviceRecordings {
    private AdviceRecordings() {
    }

    /** The compiled sample-workloads classes: the class path the advisor reads bytecode from. */
    public static Path workloadClasses() throws Exception {
        return ChildJvm.codeSourceOf(Catalog.class);
    }

    public static synchronized Path asyncProfiler(String mainClass, int seconds) throws Exception {
        Path file = dir().resolve(simple(mainClass) + "-ap.jfr");
        if (!Files.exists(file)) {
            run(List.of(Recorder.asyncProfiler("event=cpu,alloc,interval=1ms", file)),
                    mainClass, seconds, file, ASYNC_PROFILER_SAMPLES);
        }
        return file;
    }

    /** As {@link #asyncProfiler(String, int)}, with JVM options of the test's choosing (a file per option set). */
    public static synchronized Path asyncProfiler(String mainClass, int seconds, List<String> jvmOptions) throws Exception {
        Path file = dir().resolve(simple(mainClass) + "-ap-" + Integer.toHexString(jvmOptions.hashCode()) + ".jfr");
        if (!Files.exists(file)) {
            List<String> options = new ArrayList<>(jvmOptions);
            options.add(Recorder.asyncProfiler("event=cpu,alloc,interval=1ms", file));
            run(options, mainClass, seconds, file, ASYNC_PROFILER_SAMPLES);
        }
        return file;
    }

    /** async-profiler in wall-clock mode: every thread sampled, running or not. */
    public static synchronized Path wall(String mainClass, int seconds) throws Exception {
        Path file = dir().resolve(simple(mainClass) + "-wall.jfr");
        if (!Files.exists(file)) {
            run(List.of(Recorder.asyncProfiler("event=wall,interval=5ms", file)), mainClass, seconds, file, 0); // wall samples, no cpu to count
        }
        return file;
    }

    public static synchronized Path jdk(String mainClass, int seconds) throws Exception {
        Path file = dir().resolve(simple(mainClass) + "-jdk.jfr");
        if (!Files.exists(file)) {
            run(List.of(Recorder.flightRecorder("profile", file)), mainClass, seconds, file, FLIGHT_RECORDER_SAMPLES);
        }
        return file;
    }

    private static String simple(String cls) {
        return cls.substring(cls.lastIndexOf('.') + 1);
    }

    /**
     * Cpu samples a recording needs before the tests read it: about a third of what an idle 2-core
     * machine gives the workloads in their seconds (1 ms async-profiler interval; the JDK's profile
     * settings sample every 10-20 ms), so that every planted site has well over the 20 samples the
     * advisor wants, also when other builds take most of the cores.
     */
    static final long ASYNC_PROFILER_SAMPLES = 1_500;
    static final long FLIGHT_RECORDER_SAMPLES = 150;

    /**
     * Runs the workload for {@code seconds}, and again for twice as long while the recording has
     * fewer than {@code minCpuSamples} cpu samples (a busy machine gave it too little cpu), up to 8x:
     * the tests wait for enough samples, not for a fixed time.
     */
    private static void run(List<String> jvmOptions, String mainClass, int seconds, Path recording, long minCpuSamples)
            throws Exception {
        for (int s = seconds; ; s *= 2) {
            Files.deleteIfExists(recording);
            Recorder.record(ChildJvm.java().classpath(workloadClasses()).mainClass(mainClass)
                    .args("--seconds", Integer.toString(s)), jvmOptions, recording, Duration.ofSeconds(s + 60L));
            long cpu = dev.hoist.core.profile.ProfileReader.read(recording).sampleCounts()
                    .getOrDefault(dev.hoist.core.profile.EventKind.CPU, 0L);
            if (cpu >= minCpuSamples || s >= seconds * 8) {
                return;
            }
            System.out.printf("%s: %d cpu samples in %d s, fewer than %d: recording %d s%n", mainClass, cpu, s, minCpuSamples, s * 2);
        }
    }

    private static Path dir() throws IOException {
        return Recorder.scratchDir("hoist-advice");
    }
}
