package dev.hoist.workloads.bench;

import dev.hoist.workloads.pairs.copy.*;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Measures what the fix of copy-in-loop buys: ErrorsByHour (anti-pattern) against ErrorsByHourFixed on the
 * same input. The ratio antiPattern / fixed of the average times is the figure the README quotes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CopyInLoopBench {

    String[] lines;

    @Setup
    public void setUp() {
        lines = LogLines.generate(42, 10_000);
    }

    @Benchmark
    public int[] antiPattern() {
        return ErrorsByHour.count(lines);
    }

    @Benchmark
    public int[] fixed() {
        return ErrorsByHourFixed.count(lines);
    }
}
