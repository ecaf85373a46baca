package dev.hoist.workloads.bench;

import dev.hoist.workloads.pairs.format.*;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Measures what the fix of format-in-loop buys: MetricLines (anti-pattern) against MetricLinesFixed on the
 * same input. The ratio antiPattern / fixed of the average times is the figure the docs page quotes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class FormatInLoopBench {

    String[] names;
    int[] hosts;
    long[] values;

    @Setup
    public void setUp() {
        int n = 2_000;
        names = MetricLines.names(42, n);
        hosts = new int[n];
        values = new long[n];
        for (int i = 0; i < n; i++) {
            hosts[i] = i % 16;
            values[i] = i * 7919L - 50_000;
        }
    }

    @Benchmark
    public String antiPattern() {
        return MetricLines.render(names, hosts, values, 1_764_900_000_000L);
    }

    @Benchmark
    public String fixed() {
        return MetricLinesFixed.render(names, hosts, values, 1_764_900_000_000L);
    }
}
