package dev.hoist.workloads.bench;

import dev.hoist.workloads.pairs.quadratic.*;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Measures what the fix of quadratic-in-loop buys: UniqueVisitors (anti-pattern) against UniqueVisitorsFixed on the
 * same input. The ratio antiPattern / fixed of the average times is the figure the docs page quotes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class QuadraticInLoopBench {

    String[] visits;

    @Setup
    public void setUp() {
        visits = UniqueVisitors.visits(42, 5_000);
    }

    @Benchmark
    public java.util.List<String> antiPattern() {
        return UniqueVisitors.distinct(visits);
    }

    @Benchmark
    public java.util.List<String> fixed() {
        return UniqueVisitorsFixed.distinct(visits);
    }
}
