package dev.hoist.app.cli;

import dev.hoist.testkit.ChildJvm;
import dev.hoist.testkit.Recorder;
import dev.hoist.workloads.Catalog;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Real async-profiler recordings (cpu and allocations) of sample-workload programs run in child
 * JVMs with {@code --seconds}, made once per test JVM and shared by the command tests.
 */
final class PairRecordings {
    private static final Map<String, Path> made = new HashMap<>();

    private PairRecordings() {
    }

    /** The sample-workloads classes: what the programs run, and the class path a user would give. */
    static Path workloadClasses() throws Exception {
        return ChildJvm.codeSourceOf(Catalog.class);
    }

    static synchronized Path record(String mainClass, int seconds) throws Exception {
        Path existing = made.get(mainClass);
        if (existing != null) {
            return existing;
        }
        Path file = dir().resolve(mainClass.substring(mainClass.lastIndexOf('.') + 1) + ".jfr");
        Recorder.record(ChildJvm.java().classpath(workloadClasses()).mainClass(mainClass).args("--seconds", Integer.toString(seconds)),
                Recorder.asyncProfiler("event=cpu,alloc,interval=1ms", file), file, Duration.ofSeconds(60));
        made.put(mainClass, file);
        return file;
    }

    private static Path dir() throws IOException {
        return Recorder.scratchDir("hoist-pairs");
    }
}
