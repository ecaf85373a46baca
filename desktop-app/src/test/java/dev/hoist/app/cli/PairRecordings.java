package dev.hoist.app.cli;

import dev.hoist.workloads.Catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Real async-profiler recordings (cpu and allocations) of sample-workload programs run in child
 * JVMs with {@code --seconds}, made once per test JVM and shared by the command tests.
 */
final class PairRecordings {
    private static Path dir;
    private static final Map<String, Path> made = new HashMap<>();

    private PairRecordings() {
    }

    /** The sample-workloads classes: what the programs run, and the class path a user would give. */
    static Path workloadClasses() throws Exception {
        return Path.of(Catalog.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    static synchronized Path record(String mainClass, int seconds) throws Exception {
        Path existing = made.get(mainClass);
        if (existing != null) {
            return existing;
        }
        Path file = dir().resolve(mainClass.substring(mainClass.lastIndexOf('.') + 1) + ".jfr");
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-agentpath:" + agent() + "=start,event=cpu,alloc,interval=1ms,file=" + file + ",jfr",
                "-cp", workloadClasses().toString(), mainClass, "--seconds", Integer.toString(seconds));
        Path log = dir().resolve(file.getFileName() + ".log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0 || !Files.exists(file)) {
                throw new IllegalStateException("workload failed: " + cmd + "\n" + Files.readString(log));
            }
        } finally {
            p.destroyForcibly();
            p.waitFor();
        }
        made.put(mainClass, file);
        return file;
    }

        /** The agent library for this platform, from the same per-user cache Hoist itself uses. */
    private static Path agent() throws IOException {
        return dev.hoist.core.sampling.AgentLibrary.extract().path();
    }

    private static Path dir() throws IOException {
        if (dir == null) {
            Path created = Files.createTempDirectory("hoist-pairs");
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
}
