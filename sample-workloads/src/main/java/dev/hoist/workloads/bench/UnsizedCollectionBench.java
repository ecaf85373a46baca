package dev.hoist.workloads.bench;

import dev.hoist.workloads.pairs.unsized.*;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Measures what the fix of unsized-collection buys: CustomerIndex (anti-pattern) against CustomerIndexFixed on the
 * same input. The ratio antiPattern / fixed of the average times is the figure the README quotes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class UnsizedCollectionBench {

    List<Customer> customers;

    @Setup
    public void setUp() {
        customers = Customer.export(42, 10_000);
    }

    @Benchmark
    public Map<String, Customer> antiPattern() {
        return CustomerIndex.byCode(customers);
    }

    @Benchmark
    public Map<String, Customer> fixed() {
        return CustomerIndexFixed.byCode(customers);
    }
}
