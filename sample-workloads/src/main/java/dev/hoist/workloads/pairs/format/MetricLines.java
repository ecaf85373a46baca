package dev.hoist.workloads.pairs.format;

import dev.hoist.workloads.Runner;
import java.util.SplittableRandom;

/**
 * Renders counters in a line protocol for a metrics endpoint: {@code name{host="h3"} 1234 17}.
 * Anti-pattern: one {@code String.format} per counter, which parses the format string, boxes the
 * two numbers and builds a Formatter each time. Twin: {@link MetricLinesFixed}.
 */
public final class MetricLines {

    private MetricLines() {
    }

    /** The whole payload, one line per counter. */
    public static String render(String[] names, int[] hosts, long[] values, long timestamp) {
        StringBuilder out = new StringBuilder(names.length * 40);
        for (int i = 0; i < names.length; i++) {
            out.append(String.format("%s{host=\"h%d\"} %d %d%n", names[i], hosts[i], values[i], timestamp));
        }
        return out.toString();
    }

    /** Deterministic counter names for the twins and the bench. */
    public static String[] names(long seed, int count) {
        SplittableRandom random = new SplittableRandom(seed);
        String[] base = {"http_requests_total", "jvm_gc_pause_ms", "db_pool_active", "cache_hits", "queue_depth"};
        String[] out = new String[count];
        for (int i = 0; i < count; i++) {
            out[i] = base[random.nextInt(base.length)];
        }
        return out;
    }

    public static void main(String[] args) {
        int n = 100_000;
        String[] names = names(42, n);
        int[] hosts = new int[n];
        long[] values = new long[n];
        for (int i = 0; i < n; i++) {
            hosts[i] = i % 16;
            values[i] = i * 7919L - 50_000;
        }
        Runner.runPasses(args, "MetricLines", () -> render(names, hosts, values, 1_764_900_000_000L).length());
    }
}
