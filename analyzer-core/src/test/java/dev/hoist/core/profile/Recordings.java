package dev.hoist.core.profile;

import dev.hoist.testkit.ChildJvm;
import dev.hoist.testkit.Recorder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Real recordings of {@link ProfileWorkload}, made once per test JVM by child JVMs: one by the JDK's
 * Flight Recorder, one by async-profiler loaded as an agent on the command line.
 */
public final class Recordings {
    private static final long RUN_MILLIS = 3000;
    private static Path jdk;
    private static Path asyncProfiler;

    private Recordings() {
    }

    public static synchronized Path jdk() throws Exception {
        if (jdk == null) {
            Path file = dir().resolve("jdk.jfr");
            run(List.of(Recorder.flightRecorder("profile", file)), file);
            jdk = file;
        }
        return jdk;
    }

    public static synchronized Path asyncProfiler() throws Exception {
        if (asyncProfiler == null) {
            Path file = dir().resolve("async-profiler.jfr");
            run(List.of(Recorder.asyncProfiler("event=cpu,alloc,interval=1ms", file)), file);
            asyncProfiler = file;
        }
        return asyncProfiler;
    }

    /** async-profiler recording contended monitors (jdk.JavaMonitorEnter) of {@link LockWorkload}. */
    public static synchronized Path locks() throws Exception {
        Path file = dir().resolve("locks.jfr");
        if (!Files.exists(file)) {
            run(List.of(Recorder.asyncProfiler("event=cpu,lock=10us", file)), file,
                    LockWorkload.class.getName(), 2000);
        }
        return file;
    }

    /**
     * A JDK recording with the given allocation events enabled (and nothing else), through a .jfc
     * file: JDK 11-15 record only the TLAB events, JDK 16+ also jdk.ObjectAllocationSample.
     */
    public static synchronized Path jdkAllocations(boolean tlab, boolean sampled) throws Exception {
        Path file = dir().resolve("jdk-alloc-" + tlab + "-" + sampled + ".jfr");
        if (!Files.exists(file)) {
            Path jfc = dir().resolve("alloc-" + tlab + "-" + sampled + ".jfc");
            Files.writeString(jfc, """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <configuration version="2.0">
                      <event name="jdk.ObjectAllocationInNewTLAB">
                        <setting name="enabled">%s</setting><setting name="stackTrace">true</setting>
                      </event>
                      <event name="jdk.ObjectAllocationOutsideTLAB">
                        <setting name="enabled">%s</setting><setting name="stackTrace">true</setting>
                      </event>
                      <event name="jdk.ObjectAllocationSample">
                        <setting name="enabled">%s</setting><setting name="throttle">150/s</setting>
                        <setting name="stackTrace">true</setting>
                      </event>
                    </configuration>
                    """.formatted(tlab, tlab, sampled));
            run(List.of(Recorder.flightRecorder(jfc.toString(), file)), file,
                    ProfileWorkload.class.getName(), 1500);
        }
        return file;
    }

    /** async-profiler in wall-clock mode: profiler.WallClockSample events. */
    public static synchronized Path wall() throws Exception {
        Path file = dir().resolve("wall.jfr");
        if (!Files.exists(file)) {
            run(List.of(Recorder.asyncProfiler("event=wall,interval=5ms", file)), file);
        }
        return file;
    }

    /** async-profiler's collapsed text output, with frame-type suffixes and one root frame per thread. */
    public static synchronized Path collapsed() throws Exception {
        Path file = dir().resolve("async-profiler.collapsed");
        if (!Files.exists(file)) {
            run(List.of(Recorder.asyncProfiler("event=cpu,interval=1ms", file, "collapsed,ann,threads")), file);
        }
        return file;
    }

    static Path dir() throws IOException {
        return Recorder.scratchDir("hoist-recordings");
    }

    static Path testClasses() {
        return ChildJvm.codeSourceOf(ProfileWorkload.class);
    }

    private static void run(List<String> jvmOptions, Path recording) throws Exception {
        run(jvmOptions, recording, ProfileWorkload.class.getName(), RUN_MILLIS);
    }

    private static void run(List<String> jvmOptions, Path recording, String mainClass, long millis) throws Exception {
        Recorder.record(ChildJvm.java().classpath(testClasses()).mainClass(mainClass).args(Long.toString(millis)),
                jvmOptions, recording, Duration.ofSeconds(60));
    }
}
