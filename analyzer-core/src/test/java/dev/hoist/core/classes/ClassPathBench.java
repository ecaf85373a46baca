package dev.hoist.core.classes;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A timed command, not a test: reads every class of the given jars, directories or class files
 * and builds the {@link ClassPath} index, several times, and prints classes per second for each
 * run. Peak memory is measured from outside ({@code /usr/bin/time -v}), since the process's own
 * view would miss the JVM's native memory. Usage:
 * {@code java -cp analyzer-core/target/classes:analyzer-core/target/test-classes:asm.jar dev.hoist.core.classes.ClassPathBench [--runs N] [--implementation-counts] [--read-only] [--keep-bytes] [--all-bytes] jar|dir|class|jrt:|jrt:java.base...}
 */
public final class ClassPathBench {

    /** Wall time on a machine shared with other builds mostly measures the others; this thread's CPU time does not. */
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    private ClassPathBench() {
    }

    /** {@code jrt:} is the whole running JDK, {@code jrt:java.base,java.sql} some modules, anything else a path. */
    private static ClassSource source(String arg) {
        if (arg.equals("jrt:")) {
            return ClassSource.jdk();
        }
        if (arg.startsWith("jrt:")) {
            return ClassSource.jdk(Set.of(arg.substring(4).split(",")));
        }
        return ClassSource.open(Path.of(arg));
    }

    public static void main(String[] args) {
        int runs = 1;
        boolean counts = false;
        boolean readOnly = false;
        boolean keepBytes = false;
        boolean allBytes = false;
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--implementation-counts" -> counts = true;
                case "--read-only" -> readOnly = true;
                case "--keep-bytes" -> keepBytes = true;
                case "--all-bytes" -> allBytes = true;
                default -> paths.add(args[i]);
            }
        }
        if (paths.isEmpty()) {
            System.err.println("usage: ClassPathBench [--runs N] [--implementation-counts] [--read-only] [--keep-bytes] [--all-bytes] <jar|dir|class|jrt:|jrt:module,...>...");
            System.exit(2);
        }
        for (int run = 1; run <= runs; run++) {
            if (readOnly) {
                // the sources alone (inflate + check), without the index, to see what indexing adds
                long t0 = System.nanoTime();
                long c0 = CPU.getCurrentThreadCpuTime();
                int[] n = {0};
                for (String p : paths) {
                    try (ClassSource s = source(p)) {
                        s.read(ProblemSink.printingTo(System.err), f -> n[0]++);
                    }
                }
                double readS = (System.nanoTime() - t0) / 1e9;
                double cpuS = (CPU.getCurrentThreadCpuTime() - c0) / 1e9;
                System.out.printf("run %d: %d classes read (no index) in %.3f s = %.0f classes/s (thread CPU %.3f s = %.0f classes/CPU-s)%n",
                        run, n[0], readS, n[0] / readS, cpuS, n[0] / cpuS);
                continue;
            }
            ProblemSink.Collecting problems = ProblemSink.collecting();
            long t0 = System.nanoTime();
            long c0 = CPU.getCurrentThreadCpuTime();
            long calls = 0;
            long sum = 0;
            ClassPath.Builder builder = ClassPath.builder().problems(problems).jdkFallback(true).keepBytes(keepBytes);
            paths.forEach(p -> builder.add(source(p)));
            try (ClassPath cp = builder.build()) {
                long t1 = System.nanoTime();
                double cpuS = (CPU.getCurrentThreadCpuTime() - c0) / 1e9;
                if (counts) {
                    // every method of every class as a call target: the worst case for the facts
                    for (String name : cp.classNames()) {
                        ClassHeader h = cp.headerOf(name);
                        for (int m = 0; m < h.methodCount(); m++) {
                            sum += cp.implementationCount(name, h.methodName(m), h.methodDesc(m));
                            calls++;
                        }
                    }
                }
                String bytesNote = "";
                if (allBytes) {
                    // what a whole-jar analysis does after indexing: ask for every class's bytes once
                    long b0 = System.nanoTime();
                    long total = 0;
                    for (String name : cp.classNames()) {
                        total += cp.classBytes(name).map(b -> b.length).orElse(0);
                    }
                    bytesNote = String.format("; classBytes of all %d classes (%.1f MiB) in %.3f s", cp.size(),
                            total / 1048576.0, (System.nanoTime() - b0) / 1e9);
                }
                long t2 = System.nanoTime();
                if (run == 1) {
                    problems.lines().forEach(System.err::println);
                }
                // what the built index keeps: heap in use after a full collection, with cp still reachable
                Runtime rt = Runtime.getRuntime();
                System.gc();
                long retained = rt.totalMemory() - rt.freeMemory();
                double readS = (t1 - t0) / 1e9;
                System.out.printf("run %d: %d classes (%d shadowed, %d problems) read and indexed in %.3f s = %.0f classes/s"
                                + " (thread CPU %.3f s = %.0f classes/CPU-s),"
                                + " heap in use after GC %.1f MiB%s%n",
                        run, cp.size(), cp.shadowedCount(), problems.problems().size(), readS, cp.size() / readS,
                        cpuS, cp.size() / cpuS,
                        retained / 1048576.0,
                        (counts ? String.format("; %d implementationCount calls in %.3f s (sum %d)", calls, (t2 - t1) / 1e9, sum) : "")
                                + bytesNote);
            }
        }
    }
}
