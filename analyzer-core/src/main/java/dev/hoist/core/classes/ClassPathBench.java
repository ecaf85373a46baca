package dev.hoist.core.classes;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A timed command, not a test: reads every class of the given jars, directories or class files
 * and builds the {@link ClassPath} index, several times, and prints classes per second for each
 * run. Peak memory is measured from outside ({@code /usr/bin/time -v}), since the process's own
 * view would miss the JVM's native memory. Usage:
 * {@code java -cp analyzer-core/target/classes:asm.jar dev.hoist.core.classes.ClassPathBench [--runs N] [--implementation-counts] jar...}
 */
public final class ClassPathBench {

    private ClassPathBench() {
    }

    public static void main(String[] args) {
        int runs = 1;
        boolean counts = false;
        List<Path> paths = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--implementation-counts" -> counts = true;
                default -> paths.add(Path.of(args[i]));
            }
        }
        if (paths.isEmpty()) {
            System.err.println("usage: ClassPathBench [--runs N] [--implementation-counts] <jar|dir|class>...");
            System.exit(2);
        }
        for (int run = 1; run <= runs; run++) {
            ProblemSink.Collecting problems = ProblemSink.collecting();
            long t0 = System.nanoTime();
            long calls = 0;
            long sum = 0;
            try (ClassPath cp = ClassPath.builder().problems(problems).jdkFallback(true).addAll(paths).build()) {
                long t1 = System.nanoTime();
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
                long t2 = System.nanoTime();
                double readS = (t1 - t0) / 1e9;
                System.out.printf("run %d: %d classes (%d shadowed, %d problems) read and indexed in %.3f s = %.0f classes/s%s%n",
                        run, cp.size(), cp.shadowedCount(), problems.problems().size(), readS, cp.size() / readS,
                        counts ? String.format("; %d implementationCount calls in %.3f s (sum %d)", calls, (t2 - t1) / 1e9, sum) : "");
            }
        }
    }
}
