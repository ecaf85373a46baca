package dev.hoist.workloads.bench;

import dev.hoist.workloads.pairs.tuple.*;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Measures what the fix of tuple-allocation-in-loop buys: EdgeLocality (anti-pattern) against EdgeLocalityFixed on the
 * same input. The ratio antiPattern / fixed of the average times is the figure the README quotes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TupleAllocationBench {

    Graph graph;

    @Setup
    public void setUp() {
        graph = Graph.sample(42, 100_000, 100_000);
    }

    @Benchmark
    public Graph.Locality antiPattern() {
        return EdgeLocality.measure(graph, 64);
    }

    @Benchmark
    public Graph.Locality fixed() {
        return EdgeLocalityFixed.measure(graph, 64);
    }
}
