package dev.hoist.workloads.probe;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * The probe workload that sampling tests attach to: one clearly hot method ({@link #crunch}, most
 * of the CPU) and one known allocation site ({@link #churn}, which allocates {@link Point}
 * records). It prints {@code ready} on stdout once warmed up so a test can wait for it, prints its
 * throughput (per wall and per CPU second) every second with {@code --report} (used to measure profiling overhead), and exits by
 * itself {@code --seconds N} after printing ready.
 */
public final class HotAndAlloc {

    /** The allocation tests look for: a small record, allocated in {@link #churn}. */
    public record Point(long x, long y) {}

    /** Written so the JIT cannot discard the work of crunch and churn. */
    static volatile long sink;

    private HotAndAlloc() {}

    public static void main(String[] args) throws InterruptedException {
        double seconds = Double.POSITIVE_INFINITY;
        boolean report = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seconds" -> seconds = Double.parseDouble(args[++i]);
                case "--report" -> report = true;
                default -> {
                    System.err.println("usage: HotAndAlloc [--seconds N] [--report]");
                    System.exit(2);
                }
            }
        }
        // Warm up both sites so that "ready" means compiled code, not the interpreter.
        for (int i = 0; i < 2_000; i++) {
            round(i);
        }
        // counted from "ready", so a test that samples a short-lived target knows how long it has
        long end = Double.isInfinite(seconds) ? Long.MAX_VALUE : System.nanoTime() + (long) (seconds * 1e9);
        System.out.println("ready");
        System.out.flush();
        long rounds = 0;
        long windowStart = System.nanoTime();
        long windowCpu = processCpuNanos();
        long windowRounds = 0;
        while (System.nanoTime() < end) {
            round(rounds++);
            windowRounds++;
            long now = System.nanoTime();
            if (report && now - windowStart >= 1_000_000_000L) {
                // per CPU second too: on a shared machine wall-clock throughput mostly measures the neighbours
                long cpu = processCpuNanos();
                System.out.printf(Locale.ROOT, "ops/s %.1f ops/cpu-s %.1f%n", windowRounds * 1e9 / (now - windowStart),
                        cpu > windowCpu ? windowRounds * 1e9 / (cpu - windowCpu) : Double.NaN);
                System.out.flush();
                windowStart = now;
                windowCpu = cpu;
                windowRounds = 0;
            }
        }
    }

    /** CPU time of the whole process (all threads, so a profiler's own threads count against it). */
    static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : -1;
    }

    /** One unit of work: roughly three quarters crunch, one quarter churn. */
    @SuppressWarnings("NonAtomicVolatileUpdate") static void round(long seed) { // a lost update to the sink is harmless
        sink += crunch(seed, 60_000);
        sink += churn(seed, 4_000);
    }

    /** The hot method: pure arithmetic that the JIT cannot fold away. */
    static long crunch(long seed, int n) {
        long h = seed | 1;
        for (int i = 0; i < n; i++) {
            h ^= h << 13;
            h ^= h >>> 7;
            h ^= h << 17;
            h += i;
        }
        return h;
    }

    /** The known allocation site: a new Point per iteration, kept alive long enough to escape. */
    static long churn(long seed, int n) {
        Point[] keep = new Point[64];
        long sum = 0;
        for (int i = 0; i < n; i++) {
            Point p = new Point(seed + i, i);
            keep[i & 63] = p;
            sum += p.x() ^ p.y();
        }
        return sum + keep[(int) (seed & 63)].x();
    }
}
