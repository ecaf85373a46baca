package dev.hoist.workloads.bench;

import dev.hoist.workloads.pairs.reflection.*;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Measures what the fix of reflection-in-loop buys: ColumnSum (anti-pattern) against ColumnSumFixed on the
 * same input. The ratio antiPattern / fixed of the average times is the figure the README quotes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ReflectionBench {

    Trade[] trades;

    @Setup
    public void setUp() {
        trades = Trade.sample(42, 10_000);
    }

    @Benchmark
    public double antiPattern() {
        return ColumnSum.sum(trades, "price");
    }

    @Benchmark
    public double fixed() {
        return ColumnSumFixed.sum(trades, "price");
    }
}
