package dev.hoist.core.startup;

import dev.hoist.core.profile.Profile;
import dev.hoist.core.profile.ProfileReader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Measures where one start's time goes, in two runs of the program to its end point. The first
 * has only the JVM's unified logging of class loading and its performance counters saved at exit
 * ({@code -XX:+PerfDataSaveToFile}): both are written by the JVM anyway, so the run is as fast as a
 * plain one. The second loads async-profiler from the first instruction and samples cpu and wall
 * clock every millisecond, and allocations: that is where the static initialisers' times, the
 * interpreted and compiled shares and the loop advice's start window come from. The profiler's own
 * classes would skew class counts, so they are never counted from the second run.
 */
public final class StartupProbe {
    /** The sampling interval of the sampled run. */
    static final double INTERVAL_MILLIS = 1.0;

    /**
     * Bytes between allocation samples of the sampled run ({@code hoist run}'s default): with them
     * the loop advice charges a loop that makes garbage its share of the GC threads' time.
     */
    static final long ALLOC_BYTES = 512 * 1024;

    private StartupProbe() {
    }

    /** The logged run's files and the options that make the JVM write them. */
    static List<String> accountOptions(Path dir) {
        return List.of("-Xlog:class+load=info:file=" + dir.resolve("class-load.log") + ":uptimenanos",
                "-XX:+UsePerfData", "-XX:+PerfDataSaveToFile", "-XX:PerfDataSaveFile=" + dir.resolve("perf.hsperfdata"));
    }

    /** async-profiler from the first instruction, cpu and wall every millisecond, into {@code jfr}. */
    public static String agentOption(Path library, String events, Path jfr) {
        return "-agentpath:" + library + "=start," + events + ",jfr,file=" + jfr;
    }

    /**
     * The logged run and the sampled run; what they measured, with each run's launch, and the
     * sampled run's recording as read ({@code profile}, null without one): the start window the
     * loop advisor looks at.
     */
    public record Measured(StartupBreakdown breakdown, Launcher.Launch logged, Launcher.Launch sampled, List<String> notes,
                           Profile profile) {}

    /**
     * Runs both and reads what they wrote. A logged run that fails or misses its end point is
     * returned as it is (with what its files hold) and the sampled run is skipped.
     */
    public static Measured measure(JavaCommand cmd, EndPoint end, java.time.Duration timeout, Path dir, Path agentLibrary,
                                   Consumer<String> output) throws IOException {
        checkPathForXlog(dir);
        List<String> notes = new ArrayList<>();
        Launcher.Launch logged = Launcher.run(cmd.withOptions(accountOptions(dir)), end, timeout, output);
        PerfData perf = PerfData.read(dir.resolve("perf.hsperfdata"));
        if (perf.isEmpty()) {
            notes.add("the JVM wrote no performance counters (started with -XX:-UsePerfData, or killed): no split of class loading, GC or JIT time");
        }
        ClassLoading classes = ClassLoading.read(dir.resolve("class-load.log"));
        Launcher.Launch sampled = null;
        Profile profile = null;
        if (logged.reached() && agentLibrary != null) {
            Path jfr = dir.resolve("start.jfr");
            String agent = agentOption(agentLibrary, "event=cpu,interval=" + (long) (INTERVAL_MILLIS * 1e6) + ",wall=" + (long) (INTERVAL_MILLIS * 1e6)
                    + ",alloc=" + ALLOC_BYTES, jfr);
            sampled = Launcher.run(cmd.withOptions(List.of(agent)), end, timeout, null);
            if (Files.isRegularFile(jfr) && Files.size(jfr) > 0) {
                try {
                    profile = ProfileReader.read(jfr);
                } catch (RuntimeException e) {
                    notes.add("the sampled run's recording could not be read (" + e.getMessage() + "): no static initialiser times");
                }
            } else {
                notes.add("the sampled run left no recording (" + sampled.outcome() + "): no static initialiser times");
            }
        } else if (agentLibrary == null) {
            notes.add("async-profiler is not available on this platform: no static initialiser times, no interpreted/compiled split");
        }
        double[] gc = perf.gc();
        StartupBreakdown b = new StartupBreakdown(logged.millis(), perf.createVmMillis(), classes.count(), classes.shared(),
                perf.ticksMillis("sun.cls.time"), perf.ticksMillis("sun.cls.classInitTime.self"),
                perf.ticksMillis("sun.cls.classLinkedTime.self"), perf.ticksMillis("sun.cls.classVerifyTime.self"),
                classes.bySource(), classes.appPackages(), java.util.Arrays.stream(classes.perBucket(10, (int) Math.ceil(logged.millis() / 10) + 1)).boxed().toList(),
                profile == null ? List.of() : StartupSamples.clinits(profile, INTERVAL_MILLIS, 10),
                profile == null ? StartupBreakdown.CpuSplit.none() : StartupSamples.cpu(profile, INTERVAL_MILLIS),
                (long) gc[0], gc[1], perf.ticksMillis("java.ci.totalTime"), profile == null ? List.of() : StartupSamples.hot(profile, 8));
        return new Measured(b, logged, sampled, List.copyOf(notes), profile);
    }

    /** The class path entries of {@code cmd} from which no class was loaded (jars only: a folder may hold resources). */
    public static List<Path> unusedJars(JavaCommand cmd, Path dir) throws IOException {
        ClassLoading classes = ClassLoading.read(dir.resolve("class-load.log"));
        List<Path> out = new ArrayList<>();
        for (Path p : cmd.classPath()) {
            if (Files.isRegularFile(p) && !classes.loadedFrom(p)) {
                out.add(p);
            }
        }
        return out;
    }

    /** -Xlog's file= takes no ':' or ',' in a path; a work folder must not have them. */
    static void checkPathForXlog(Path dir) {
        String s = dir.toString();
        if (s.contains(":") || s.contains(",") || s.contains("=")) {
            throw new IllegalArgumentException("the work folder " + s + " has ':', ',' or '=', which -Xlog cannot take");
        }
    }
}
