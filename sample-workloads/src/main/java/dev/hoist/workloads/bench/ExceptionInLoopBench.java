package dev.hoist.workloads.bench;

import dev.hoist.workloads.pairs.exception.*;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Measures what the fix of exception-in-loop buys: QuantityColumn (anti-pattern) against QuantityColumnFixed on the
 * same input. The ratio antiPattern / fixed of the average times is the figure the docs page quotes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ExceptionInLoopBench {

    String[] cells;

    @Setup
    public void setUp() {
        cells = QuantityColumn.cells(42, 10_000);
    }

    @Benchmark
    public long[] antiPattern() {
        return QuantityColumn.sum(cells);
    }

    @Benchmark
    public long[] fixed() {
        return QuantityColumnFixed.sum(cells);
    }
}
