package dev.hoist.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hoist.app.testing.AdviceRecordings;
import dev.hoist.core.Failure;
import dev.hoist.testkit.ChildJvm;
import dev.hoist.testkit.HostileInputs;
import dev.hoist.workloads.Catalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
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
 *
 * <p>The hostile inputs of issue 22 (a jar of nested bombs, a jar of 20,000 entries declaring 64
 * MiB each, size fields set to 2^28-1 in both recording formats) each run in a child Hoist with
 * the memory ceiling the README promises, {@value #CEILING} of heap for inputs under 10 MB, and
 * must end within {@value #CHILD_SECONDS} s (a bound for a loaded 2-core machine; they take 1-2 s).
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

    /** The heap a child Hoist gets for a hostile input under 10 MB: the README's promise. */
    static final String CEILING = "-Xmx512m";

    static final int CHILD_SECONDS = 60;

    @TempDir
    Path dir;

    @Test
    void aJarOfNestedBombsIsOneLineWithinTheCeiling() throws Exception {
        Path jar = HostileInputs.nestedBombJar(dir.resolve("nested-bomb.jar"), Map.of("dev/hoist/workloads/demo/OrderFeed.class",
                orderFeedClass()), 8, 500_000_000L);
        assertThat(Files.size(jar)).isLessThan(10L << 20);
        MainTest.Result r = child("analyze", jar.toString());
        assertThat(r.code()).as(r.err()).isIn(0, Failure.BAD_INPUT.exitCode());
        assertThat(r.err().lines().filter(l -> l.contains("zip bomb")).count()).as(r.err()).isEqualTo(1);
        assertThat(r.err().lines().count()).as(r.err()).isLessThanOrEqualTo(2);
    }

    @Test
    void twentyThousandHugeDeclaredEntriesAreSummarisedWithinTheCeiling() throws Exception {
        Path jar = HostileInputs.manyHugeDeclaredEntries(dir.resolve("declares.jar"), 20_000, 64L << 20);
        MainTest.Result r = child("analyze", jar.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(Failure.BAD_INPUT.exitCode());
        assertThat(r.err()).contains("and 19995 more problems like these");
        assertThat(r.err().lines().count()).as(r.err()).isLessThanOrEqualTo(8);
    }

    @Test
    void corruptSizeFieldsInAsyncProfilerRecordings() throws Exception {
        corruptSizes(AdviceRecordings.asyncProfiler(Catalog.DEMO_MAIN, 7));
    }

    @Test
    void corruptSizeFieldsInJdkRecordings() throws Exception {
        corruptSizes(AdviceRecordings.jdk(Catalog.DEMO_MAIN, 6));
    }

    /**
     * Sets a varint to 2^28-1 at places in the first chunk's constant pool and metadata, where
     * counts and lengths are; each must end as good or bad input in one line within the ceiling,
     * never as a heap problem.
     */
    private void corruptSizes(Path recording) throws Exception {
        byte[] original = Files.readAllBytes(recording);
        assertThat(original.length).isLessThan(10 << 20);
        java.nio.ByteBuffer header = java.nio.ByteBuffer.wrap(original);
        int caught = 0;
        for (long start : List.of(header.getLong(16), header.getLong(24))) {
            for (int off : List.of(22, 30, 40, 60)) {
                byte[] b = original.clone();
                int at = (int) start + off;
                b[at] = (byte) 0xFF;
                b[at + 1] = (byte) 0xFF;
                b[at + 2] = (byte) 0xFF;
                b[at + 3] = (byte) 0x7F;
                Path f = Files.write(dir.resolve("size-" + start + "-" + off + ".jfr"), b);
                MainTest.Result r = child("report", "--no-advice", f.toString());
                String what = recording.getFileName() + " +" + off + ": " + r.err();
                assertThat(r.code()).as(what).isIn(0, Failure.BAD_INPUT.exitCode());
                assertThat(r.err()).as(what).doesNotContain("heap", "\tat ", "Exception in thread");
                assertThat(r.err().lines().count()).as(what).isLessThanOrEqualTo(2);
                if (r.code() == Failure.BAD_INPUT.exitCode() && r.err().contains("size field")) {
                    caught++;
                }
            }
        }
        assertThat(caught).as("corrupt sizes reported as such").isPositive();
    }

    private static byte[] orderFeedClass() throws java.io.IOException {
        try (var in = Catalog.class.getClassLoader().getResourceAsStream("dev/hoist/workloads/demo/OrderFeed.class")) {
            return in.readAllBytes();
        }
    }

    /** Runs Hoist in a child JVM under the memory ceiling; kills it past the time bound. */
    private MainTest.Result child(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(ChildJvm.currentJavaHome().resolve("bin/java").toString(), CEILING,
                "-cp", ChildJvm.testClasspath(), "dev.hoist.app.Hoist"));
        cmd.addAll(List.of(args));
        Path err = Files.createTempFile(dir, "err-", ".txt");
        Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile()).start();
        try {
            if (!p.waitFor(CHILD_SECONDS, TimeUnit.SECONDS)) {
                throw new AssertionError("hoist " + String.join(" ", args) + " did not finish in " + CHILD_SECONDS + " s");
            }
            return new MainTest.Result(p.exitValue(), "", Files.readString(err));
        } finally {
            p.destroyForcibly();
        }
    }

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
        // a damaged jar's problems are summarised: five lines and "and N more" from reading it, as many
        // from analysing what was read, and the summary
        fuzz(jar, "analyze", 80, 13, 4, false);
        // a jar cut before its first class is bad input: the reader recovers every class before a damage, so whether a
        // random cut lands that early depends on the order of the jar's entries (adding a workload changed it)
        Path cut = dir.resolve("cut.jar");
        Files.write(cut, Arrays.copyOf(Files.readAllBytes(jar), 100));
        MainTest.Result res = MainTest.run("analyze", cut.toString());
        assertThat(res.code()).as(res.err()).isEqualTo(Failure.BAD_INPUT.exitCode());
        assertThat(res.err().lines().count()).as(res.err()).isLessThanOrEqualTo(13);
    }

    private void fuzz(Path original, String command, int mutants, int maxErrLines, long seed) throws Exception {
        fuzz(original, command, mutants, maxErrLines, seed, true);
    }

    private void fuzz(Path original, String command, int mutants, int maxErrLines, long seed, boolean someBreak) throws Exception {
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
        if (someBreak) {
            assertThat(bad).as("mutants read as bad input").isPositive();
        }
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
