package dev.hoist.core.sampling;

import dev.hoist.core.jvm.JvmInfo;
import dev.hoist.core.jvm.Targets;
import dev.hoist.testkit.ChildJvm;

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
 * throughput, per CPU second of the target process (what stays meaningful on a machine shared
 * with other work) and per wall-clock second. Each run is one probe process measured unsampled,
 * sampled (after 2 s for the agent to settle), and unsampled again; prints mean and standard
 * deviation over the runs, and the one-time cost of the first 2 s after the agent starts. Not a test;
 * run it by hand:
 *
 * <pre>
 * mvn -B -q -pl analyzer-core -am test-compile
 * java -cp analyzer-core/target/classes:analyzer-core/target/test-classes:$HOME/.m2/repository/tools/profiler/async-profiler/4.2/async-profiler-4.2.jar \
 *   dev.hoist.core.sampling.OverheadBench sample-workloads/target/classes 5 8 cpu,alloc auto
 * </pre>
 *
 * Arguments: workload class path, runs per mode, measured seconds per run, events, sampler, and
 * optionally the checkpoint period in seconds, the cpu interval in ms and the alloc interval in bytes,
 * and the event async-profiler samples cpu with (cpu, ctimer, itimer).
 */
public final class OverheadBench {
    private static final int WARMUP_SECONDS = 5;
    private static Duration cpuInterval = SamplingRequest.DEFAULT_CPU_INTERVAL;
    private static long allocBytes = SamplingRequest.DEFAULT_ALLOC_BYTES;

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
        if (args.length > 5) {
            PollingSession.checkpointPeriod = Duration.ofSeconds(Long.parseLong(args[5]));
        }
        if (args.length > 6) {
            cpuInterval = Duration.ofMillis(Long.parseLong(args[6]));
            allocBytes = Long.parseLong(args[7]);
        }
        if (args.length > 8) {
            AsyncProfilerSampler.cpuEvent = args[8];
        }
        System.out.printf(Locale.ROOT, "events %s, sampler %s, cpu event %s, cpu interval %s, alloc every %d bytes, checkpoint every %s%n",
                events, choice, AsyncProfilerSampler.cpuEvent, cpuInterval, allocBytes, PollingSession.checkpointPeriod);
        List<double[]> results = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            double[] r = run(classpath, seconds, events, choice);
            results.add(r);
            System.out.printf(Locale.ROOT, "run %d: ops/cpu-s without %.1f, with %.1f (%+.2f%%), first 2 s after start %.1f;"
                            + " ops/s without %.1f, with %.1f%n", i + 1, r[0], r[1], (r[1] - r[0]) / r[0] * 100, r[2],
                    r[3], r[4]);
        }
        report("ops/cpu-s", results.stream().map(a -> a[0]).toList(), results.stream().map(a -> a[1]).toList());
        report("ops/s", results.stream().map(a -> a[3]).toList(), results.stream().map(a -> a[4]).toList());
        List<Double> startCost = results.stream().map(a -> (a[2] - a[0]) / a[0] * 100).toList();
        System.out.printf(Locale.ROOT, "ops/cpu-s in the 2 s after the agent starts: %+.1f%% +- %.1f (one-time cost, "
                + "not in the figures above)%n", mean(startCost), stdev(startCost));
    }

    private static void report(String unit, List<Double> without, List<Double> with) {
        List<Double> change = new ArrayList<>();
        for (int i = 0; i < without.size(); i++) {
            change.add((with.get(i) - without.get(i)) / without.get(i) * 100);
        }
        System.out.printf(Locale.ROOT, "%s without sampling: %.1f +- %.1f; with: %.1f +- %.1f; "
                        + "change per run: %+.2f%% +- %.2f (n=%d)%n", unit, mean(without), stdev(without),
                mean(with), stdev(with), mean(change), stdev(change), without.size());
    }

    /**
     * One probe process: unsampled, sampled, unsampled again; the baseline is the mean of the two
     * unsampled windows, so drift within the process cancels and JIT differences between
     * processes do not count. Returns {cpu baseline, cpu sampled, cpu in the 2 s after start,
     * wall baseline, wall sampled}.
     */
    private static double[] run(Path classpath, int seconds, Set<SamplingEvent> events, Samplers.Choice choice)
            throws Exception {
        int settle = 2;
        Path out = Files.createTempFile("hoist-overhead-", ".jfr");
        try (ChildJvm probe = ChildJvm.java().classpath(classpath).mainClass("dev.hoist.workloads.probe.HotAndAlloc")
                .args("--report", "--seconds", Integer.toString(WARMUP_SECONDS + 3 * seconds + 2 * settle + 3))
                .pipeStdout().stderrTo(ProcessBuilder.Redirect.INHERIT).start();
             BufferedReader r = new BufferedReader(new InputStreamReader(probe.process().getInputStream(), StandardCharsets.UTF_8))) {
            if (!"ready".equals(r.readLine())) {
                throw new IllegalStateException("probe did not start");
            }
            read(r, WARMUP_SECONDS);
            double[][] before = read(r, seconds);
            JvmInfo target = Targets.resolve(Long.toString(probe.pid()));
            SamplingSession session = Samplers.start(target, SamplingRequest.of(out, Duration.ofSeconds(seconds + 60), events)
                    .withCpuInterval(cpuInterval).withAllocBytes(allocBytes), choice);
            double[][] starting = read(r, settle);
            double[][] during = read(r, seconds);
            session.stop();
            read(r, settle);
            double[][] after = read(r, seconds);
            return new double[] {(mean(before[1]) + mean(after[1])) / 2, mean(during[1]), mean(starting[1]),
                    (mean(before[0]) + mean(after[0])) / 2, mean(during[0])};
        } finally {
            Files.deleteIfExists(out);
        }
    }

    /** The next n report lines as {ops/s values, ops/cpu-s values}. */
    private static double[][] read(BufferedReader r, int n) throws Exception {
        double[][] v = new double[2][n];
        for (int i = 0; i < n; i++) {
            String line = r.readLine();
            if (line == null || !line.startsWith("ops/s ")) {
                throw new IllegalStateException("unexpected probe output: " + line);
            }
            String[] f = line.split(" ");
            v[0][i] = Double.parseDouble(f[1]);
            v[1][i] = Double.parseDouble(f[3]);
        }
        return v;
    }

    static double mean(double[] xs) {
        return java.util.Arrays.stream(xs).average().orElse(Double.NaN);
    }

    static double mean(List<Double> xs) {
        return xs.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    static double stdev(List<Double> xs) {
        double m = mean(xs);
        return Math.sqrt(xs.stream().mapToDouble(x -> (x - m) * (x - m)).sum() / Math.max(1, xs.size() - 1));
    }
}
