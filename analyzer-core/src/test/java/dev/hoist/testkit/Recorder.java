package dev.hoist.testkit;

import dev.hoist.core.sampling.AgentLibrary;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes real recordings for tests: a workload runs in a child JVM ({@link ChildJvm}) with a
 * profiler on its command line, the real async-profiler as an agent or the JDK's Flight Recorder,
 * until it exits by itself; the recording must then exist and not be empty. The child's output goes
 * to {@code <recording>.log} beside it, and is quoted when the workload fails.
 */
public final class Recorder {
    private static final Map<String, Path> scratch = new HashMap<>();

    private Recorder() {
    }

    /** The async-profiler agent library for this platform, from the same per-user cache Hoist itself uses. */
    public static Path agentLibrary() throws IOException {
        return AgentLibrary.extract().path();
    }

    /** {@code -agentpath:} that starts async-profiler with {@code options} (e.g. {@code event=cpu,alloc,interval=1ms}) writing JFR to {@code file}. */
    public static String asyncProfiler(String options, Path file) throws IOException {
        return asyncProfiler(options, file, "jfr");
    }

    /** As {@link #asyncProfiler(String, Path)} with another output format, e.g. {@code collapsed,ann,threads}. */
    public static String asyncProfiler(String options, Path file, String format) throws IOException {
        return "-agentpath:" + agentLibrary() + "=start," + options + ",file=" + file + "," + format;
    }

    /** {@code -XX:StartFlightRecording} writing to {@code file} with these settings (a name such as profile, or a .jfc path). */
    public static String flightRecorder(String settings, Path file) {
        return "-XX:StartFlightRecording=filename=" + file + ",settings=" + settings;
    }

    /**
     * Runs {@code workload} with {@code profilerOption} (from {@link #asyncProfiler} or
     * {@link #flightRecorder}) added to its JVM options, and returns {@code recording} once the
     * child exited 0 within {@code timeout} and wrote it. The child is killed in every case.
     */
    public static Path record(ChildJvm.Builder workload, String profilerOption, Path recording, Duration timeout)
            throws IOException, InterruptedException {
        return record(workload, List.of(profilerOption), recording, timeout);
    }

    public static Path record(ChildJvm.Builder workload, List<String> profilerOptions, Path recording, Duration timeout)
            throws IOException, InterruptedException {
        Path log = recording.resolveSibling(recording.getFileName() + ".log");
        workload.jvmArgs(new ArrayList<>(profilerOptions)).log(log);
        try (ChildJvm child = workload.start()) {
            if (!child.waitFor(timeout)) {
                throw new IllegalStateException("workload did not finish in " + timeout.toSeconds() + " s: " + child.command());
            }
            if (child.exitValue() != 0 || !Files.exists(recording) || Files.size(recording) == 0) {
                throw new IllegalStateException("workload failed (exit " + child.exitValue() + "): " + child.command()
                        + "\n" + Files.readString(log));
            }
        }
        return recording;
    }

    /**
     * A temporary directory named after {@code prefix}, one per test JVM and prefix, removed with
     * everything in it when the test JVM exits: where recordings shared by a test JVM's tests live.
     */
    public static synchronized Path scratchDir(String prefix) throws IOException {
        Path dir = scratch.get(prefix);
        if (dir == null) {
            Path created = Files.createTempDirectory(prefix);
            // deleteOnExit cannot remove a non-empty directory; the recordings go with the test JVM
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try (var files = Files.walk(created)) {
                    files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                } catch (IOException ignored) {
                    // a leftover temp directory is harmless
                }
            }));
            scratch.put(prefix, created);
            dir = created;
        }
        return dir;
    }
}
