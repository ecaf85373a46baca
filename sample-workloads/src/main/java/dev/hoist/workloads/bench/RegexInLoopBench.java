package dev.hoist.workloads.bench;

import dev.hoist.workloads.pairs.regex.*;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Measures what the fix of regex-in-loop buys: CsvCleaner (anti-pattern) against CsvCleanerFixed on the
 * same input. The ratio antiPattern / fixed of the average times is the figure the docs page quotes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RegexInLoopBench {

    String[] lines;

    @Setup
    public void setUp() {
        lines = CsvLines.generate(42, 2_000);
    }

    @Benchmark
    public long antiPattern() {
        return CsvCleaner.clean(lines);
    }

    @Benchmark
    public long fixed() {
        return CsvCleanerFixed.clean(lines);
    }
}
