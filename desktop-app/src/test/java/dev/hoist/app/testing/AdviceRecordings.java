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
                    mainClass, seconds, file);
        }
        return file;
    }

    /** As {@link #asyncProfiler(String, int)}, with JVM options of the test's choosing (a file per option set). */
    public static synchronized Path asyncProfiler(String mainClass, int seconds, List<String> jvmOptions) throws Exception {
        Path file = dir().resolve(simple(mainClass) + "-ap-" + Integer.toHexString(jvmOptions.hashCode()) + ".jfr");
        if (!Files.exists(file)) {
            List<String> options = new ArrayList<>(jvmOptions);
            options.add(Recorder.asyncProfiler("event=cpu,alloc,interval=1ms", file));
            run(options, mainClass, seconds, file);
        }
        return file;
    }

    /** async-profiler in wall-clock mode: every thread sampled, running or not. */
    public static synchronized Path wall(String mainClass, int seconds) throws Exception {
        Path file = dir().resolve(simple(mainClass) + "-wall.jfr");
        if (!Files.exists(file)) {
            run(List.of(Recorder.asyncProfiler("event=wall,interval=5ms", file)), mainClass, seconds, file);
        }
        return file;
    }

    public static synchronized Path jdk(String mainClass, int seconds) throws Exception {
        Path file = dir().resolve(simple(mainClass) + "-jdk.jfr");
        if (!Files.exists(file)) {
            run(List.of(Recorder.flightRecorder("profile", file)), mainClass, seconds, file);
        }
        return file;
    }

    private static String simple(String cls) {
        return cls.substring(cls.lastIndexOf('.') + 1);
    }

    private static void run(List<String> jvmOptions, String mainClass, int seconds, Path recording) throws Exception {
        Recorder.record(ChildJvm.java().classpath(workloadClasses()).mainClass(mainClass)
                .args("--seconds", Integer.toString(seconds)), jvmOptions, recording, Duration.ofSeconds(seconds + 60L));
    }

    private static Path dir() throws IOException {
        return Recorder.scratchDir("hoist-advice");
    }
}
