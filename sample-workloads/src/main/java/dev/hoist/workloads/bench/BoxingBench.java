package dev.hoist.workloads.bench;

import dev.hoist.workloads.pairs.boxing.*;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Measures what the fix of boxing-in-loop buys: TrafficStats (anti-pattern) against TrafficStatsFixed on the
 * same input. The ratio antiPattern / fixed of the average times is the figure the README quotes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class BoxingBench {

    Request[] requests;

    @Setup
    public void setUp() {
        requests = Request.log(42, 10_000);
    }

    @Benchmark
    public long antiPattern() {
        return TrafficStats.servedBytes(requests);
    }

    @Benchmark
    public long fixed() {
        return TrafficStatsFixed.servedBytes(requests);
    }
}
