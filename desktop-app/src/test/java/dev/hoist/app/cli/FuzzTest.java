package dev.hoist.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hoist.app.testing.AdviceRecordings;
import dev.hoist.core.Failure;
import dev.hoist.workloads.Catalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutated inputs, with a fixed seed: real recordings (async-profiler's and the JDK's), a real class
 * file and a real jar, each with bytes overwritten, runs of 0xFF or the tail cut off. Every mutant
 * must end as the input is good (exit 0) or as bad input (exit 8), within seconds, with no stack
 * trace and no "unexpected error"; a recording or class file with at most a few lines on stderr.
 * (About 900 mutants, 10-20 s on the CI machine.)
 */
class FuzzTest {
    private static final ExecutorService RUNNER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "fuzz");
        t.setDaemon(true);
        return t;
    });

    @AfterAll
    static void stop() {
        RUNNER.shutdownNow();
    }

    @TempDir
    Path dir;

    @Test
    void mutatedAsyncProfilerRecordings() throws Exception {
        fuzz(AdviceRecordings.asyncProfiler(Catalog.DEMO_MAIN, 7), "report", 250, 3, 1);
    }

    @Test
    void mutatedJdkRecordings() throws Exception {
        fuzz(AdviceRecordings.jdk(Catalog.DEMO_MAIN, 6), "report", 250, 3, 2);
    }

    @Test
    void mutatedClassFiles() throws Exception {
        // from the class path: the workloads are a folder in a module build and a jar in the reactor's
        Path cls = dir.resolve("OrderFeed.class");
        try (var in = Catalog.class.getClassLoader().getResourceAsStream("dev/hoist/workloads/demo/OrderFeed.class")) {
            Files.write(cls, in.readAllBytes());
        }
        fuzz(cls, "analyze", 300, 3, 3);
    }

    @Test
    void mutatedJars() throws Exception {
        Path jar = Path.of("../sample-workloads/target/sample-workloads-0.1.0-SNAPSHOT.jar").toAbsolutePath().normalize();
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(jar), "the workloads jar is built by sample-workloads' package phase");
        // a damaged jar may list one line per damaged entry (summarising them is issue 22's)
        fuzz(jar, "analyze", 80, Integer.MAX_VALUE, 4);
    }

    private void fuzz(Path original, String command, int mutants, int maxErrLines, long seed) throws Exception {
        byte[] bytes = Files.readAllBytes(original);
        String name = original.getFileName().toString();
        String ext = name.substring(name.lastIndexOf('.'));
        Random r = new Random(seed);
        int good = 0;
        int bad = 0;
        for (int i = 0; i < mutants; i++) {
            byte[] b = mutate(bytes, r);
            Path f = dir.resolve("mutant-" + i + ext);
            Files.write(f, b);
            Future<MainTest.Result> run = RUNNER.submit(() -> MainTest.run(command, f.toString()));
            MainTest.Result res;
            try {
                res = run.get(20, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                run.cancel(true);
                throw new AssertionError("mutant " + i + " of " + name + " (seed " + seed + ") did not finish in 20 s");
            }
            String what = "mutant " + i + " of " + name + " (seed " + seed + "): " + res.err();
            assertThat(res.code()).as(what).isIn(0, Failure.BAD_INPUT.exitCode());
            assertThat(res.err()).as(what).doesNotContain("\tat ", "unexpected error", "Exception in thread");
            assertThat(res.err().lines().count()).as(what).isLessThanOrEqualTo(maxErrLines);
            if (res.code() == 0) good++;
            else bad++;
            Files.delete(f);
        }
        // the mutations really break inputs, and some survive: both paths are exercised
        assertThat(bad).as("mutants read as bad input").isPositive();
        assertThat(good + bad).isEqualTo(mutants);
    }

    /** Overwritten bytes (1-16 at random places), a run of 0xFF, or the tail cut off. */
    private static byte[] mutate(byte[] original, Random r) {
        byte[] b = original.clone();
        switch (r.nextInt(3)) {
            case 0 -> {
                int k = 1 + r.nextInt(16);
                for (int j = 0; j < k; j++) b[r.nextInt(b.length)] = (byte) r.nextInt(256);
            }
            case 1 -> b = Arrays.copyOf(b, r.nextInt(b.length));
            default -> {
                int p = r.nextInt(b.length);
                for (int j = p; j < Math.min(b.length, p + 8); j++) b[j] = (byte) 0xFF;
            }
        }
        return b;
    }
}
