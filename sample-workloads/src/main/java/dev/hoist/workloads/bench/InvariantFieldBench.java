package dev.hoist.workloads.bench;

import dev.hoist.workloads.pairs.invariantfield.*;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Measures what the fix of invariant-field-in-loop buys: ImageHistogram (anti-pattern) against ImageHistogramFixed on the
 * same input. The ratio antiPattern / fixed of the average times is the figure the README quotes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class InvariantFieldBench {

    int[] pixels;

    @Setup
    public void setUp() {
        pixels = Images.photo(42, 512, 512);
    }

    @Benchmark
    public int[] antiPattern() {
        return new ImageHistogram(64).add(pixels);
    }

    @Benchmark
    public int[] fixed() {
        return new ImageHistogramFixed(64).add(pixels);
    }
}
