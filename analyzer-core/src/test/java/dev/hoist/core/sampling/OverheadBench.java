package dev.hoist.core.sampling;

import dev.hoist.core.jvm.JvmInfo;
import dev.hoist.core.jvm.Targets;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Measures (does not assert) what sampling at the default intervals costs the probe workload's
 * throughput, per wall-clock second and per CPU second of the target process (the latter is what
 * stays meaningful on a machine shared with other work): runs the probe with {@code --report} several times, alternating unsampled and
 * sampled runs, and prints mean and standard deviation of ops/s over the same window. Not a test;
 * run it by hand:
 *
 * <pre>
 * mvn -B -q -pl analyzer-core -am test-compile
 * java -cp analyzer-core/target/classes:analyzer-core/target/test-classes:$HOME/.m2/repository/tools/profiler/async-profiler/4.2/async-profiler-4.2.jar \
 *   dev.hoist.core.sampling.OverheadBench sample-workloads/target/classes 6 15 cpu,alloc auto
 * </pre>
 *
 * Arguments: workload class path, runs per mode, measured seconds per run, events, sampler.
 */
public final class OverheadBench {
    private static final int WARMUP_SECONDS = 5;

    private OverheadBench() {}

    public static void main(String[] args) throws Exception {
        Path classpath = Path.of(args[0]);
        int runs = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        Set<SamplingEvent> events = EnumSet.noneOf(SamplingEvent.class);
        for (String e : args[3].split(",")) {
            events.add(SamplingEvent.valueOf(e.toUpperCase(Locale.ROOT)));
        }
        Samplers.Choice choice = Samplers.Choice.valueOf(args[4].toUpperCase(Locale.ROOT).replace('-', '_'));
        List<double[]> plain = new ArrayList<>();
        List<double[]> sampled = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            plain.add(run(classpath, seconds, null, choice));
            sampled.add(run(classpath, seconds, events, choice));
            System.out.printf(Locale.ROOT, "run %d: without %.1f ops/s %.1f ops/cpu-s, with %.1f ops/s %.1f ops/cpu-s%n",
                    i + 1, plain.get(i)[0], plain.get(i)[1], sampled.get(i)[0], sampled.get(i)[1]);
        }
        for (int k = 0; k < 2; k++) {
            String unit = k == 0 ? "ops/s" : "ops/cpu-s";
            int col = k;
            List<Double> p = plain.stream().map(a -> a[col]).toList();
            List<Double> s = sampled.stream().map(a -> a[col]).toList();
            System.out.printf(Locale.ROOT, "%s without sampling: %.1f +- %.1f (n=%d)%n", unit, mean(p), stdev(p), runs);
            System.out.printf(Locale.ROOT, "%s with %s %s at default intervals: %.1f +- %.1f (n=%d)%n",
                    unit, choice, events, mean(s), stdev(s), runs);
            System.out.printf(Locale.ROOT, "%s change: %+.2f%%%n", unit, (mean(s) - mean(p)) / mean(p) * 100);
        }
    }

    /** One probe run; mean ops/s and ops per CPU second over the measured window, sampled during it if events is not null. */
    private static double[] run(Path classpath, int seconds, Set<SamplingEvent> events, Samplers.Choice choice)
            throws Exception {
        Process probe = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classpath.toString(), "dev.hoist.workloads.probe.HotAndAlloc", "--report",
                "--seconds", Integer.toString(WARMUP_SECONDS + seconds + 1))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(probe.getInputStream(), StandardCharsets.UTF_8))) {
            if (!"ready".equals(r.readLine())) {
                throw new IllegalStateException("probe did not start");
            }
            for (int i = 0; i < WARMUP_SECONDS; i++) {
                r.readLine();
            }
            SamplingSession session = null;
            Path out = Files.createTempFile("hoist-overhead-", ".jfr");
            if (events != null) {
                JvmInfo target = Targets.resolve(Long.toString(probe.pid()));
                session = Samplers.start(target, SamplingRequest.of(out, Duration.ofSeconds(seconds + 5), events), choice);
            }
            List<Double> ops = new ArrayList<>();
            List<Double> cpuOps = new ArrayList<>();
            for (int i = 0; i < seconds; i++) {
                String line = r.readLine();
                if (line == null || !line.startsWith("ops/s ")) {
                    break;
                }
                String[] f = line.split(" ");
                ops.add(Double.parseDouble(f[1]));
                cpuOps.add(Double.parseDouble(f[3]));
            }
            if (session != null) {
                session.stop();
            }
            Files.deleteIfExists(out);
            return new double[] {mean(ops), mean(cpuOps)};
        } finally {
            probe.destroyForcibly();
            probe.waitFor();
        }
    }

    static double mean(List<Double> xs) {
        return xs.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    static double stdev(List<Double> xs) {
        double m = mean(xs);
        return Math.sqrt(xs.stream().mapToDouble(x -> (x - m) * (x - m)).sum() / Math.max(1, xs.size() - 1));
    }
}
