package dev.hoist.app.testing;

import dev.hoist.workloads.Catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Real recordings of the sample workloads for the advisor's end-to-end tests: each starts a child
 * JVM running a program from sample-workloads with async-profiler (cpu + alloc) or the JDK's Flight
 * Recorder on the command line, for a few seconds, and keeps the file for the test JVM's life.
 */
public final class AdviceRecordings {
    private static Path dir;

    private AdviceRecordings() {
    }

    /** The compiled sample-workloads classes: the class path the advisor reads bytecode from. */
    public static Path workloadClasses() throws Exception {
        return Path.of(Catalog.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    public static synchronized Path asyncProfiler(String mainClass, int seconds) throws Exception {
        Path file = dir().resolve(simple(mainClass) + "-ap.jfr");
        if (!Files.exists(file)) {
            run(List.of("-agentpath:" + agentLibrary() + "=start,event=cpu,alloc,interval=1ms,file=" + file + ",jfr"),
                    mainClass, seconds, file);
        }
        return file;
    }

    /** As {@link #asyncProfiler(String, int)}, with JVM options of the test's choosing (a file per option set). */
    public static synchronized Path asyncProfiler(String mainClass, int seconds, List<String> jvmOptions) throws Exception {
        Path file = dir().resolve(simple(mainClass) + "-ap-" + Integer.toHexString(jvmOptions.hashCode()) + ".jfr");
        if (!Files.exists(file)) {
            List<String> options = new ArrayList<>(jvmOptions);
            options.add("-agentpath:" + agentLibrary() + "=start,event=cpu,alloc,interval=1ms,file=" + file + ",jfr");
            run(options, mainClass, seconds, file);
        }
        return file;
    }

    public static synchronized Path jdk(String mainClass, int seconds) throws Exception {
        Path file = dir().resolve(simple(mainClass) + "-jdk.jfr");
        if (!Files.exists(file)) {
            run(List.of("-XX:StartFlightRecording=filename=" + file + ",settings=profile"), mainClass, seconds, file);
        }
        return file;
    }

    private static String simple(String cls) {
        return cls.substring(cls.lastIndexOf('.') + 1);
    }

    private static void run(List<String> jvmOptions, String mainClass, int seconds, Path recording) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(workloadClasses().toString());
        cmd.add(mainClass);
        cmd.add("--seconds");
        cmd.add(Integer.toString(seconds));
        Path log = dir().resolve(recording.getFileName() + ".log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            if (!p.waitFor(seconds + 60L, TimeUnit.SECONDS)) {
                throw new IllegalStateException("workload did not finish: " + cmd);
            }
            if (p.exitValue() != 0 || !Files.exists(recording) || Files.size(recording) == 0) {
                throw new IllegalStateException("workload failed (exit " + p.exitValue() + "): " + Files.readString(log));
            }
        } finally {
            p.destroyForcibly();
            p.waitFor();
        }
    }

    private static synchronized Path dir() throws IOException {
        if (dir == null) {
            Path created = Files.createTempDirectory("hoist-advice");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try (var files = Files.walk(created)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                } catch (IOException ignored) {
                    // a leftover temp directory is harmless
                }
            }));
            dir = created;
        }
        return dir;
    }

    /** The agent library for this platform, from the same per-user cache Hoist itself uses. */
    private static Path agentLibrary() throws IOException {
        return dev.hoist.core.sampling.AgentLibrary.extract().path();
    }
}
