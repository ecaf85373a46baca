package dev.hoist.workloads.bench;

import dev.hoist.workloads.pairs.stringconcat.*;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Measures what the fix of string-concat-in-loop buys: InClause (anti-pattern) against InClauseFixed on the
 * same input. The ratio antiPattern / fixed of the average times is the figure the README quotes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class StringConcatBench {

    long[] ids;

    @Setup
    public void setUp() {
        ids = InClause.batch(42, 500);
    }

    @Benchmark
    public String antiPattern() {
        return InClause.render(ids);
    }

    @Benchmark
    public String fixed() {
        return InClauseFixed.render(ids);
    }
}
