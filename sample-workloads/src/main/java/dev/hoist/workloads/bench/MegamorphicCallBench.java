package dev.hoist.workloads.bench;

import dev.hoist.workloads.pairs.megamorphic.*;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Measures what the fix of megamorphic-call-in-loop buys: CartTotal (anti-pattern) against CartTotalFixed on the
 * same input. The ratio antiPattern / fixed of the average times is the figure the README quotes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class MegamorphicCallBench {

    LineItem[] items;

    @Setup
    public void setUp() {
        items = CartTotal.sampleCart(42, 10_000);
    }

    @Benchmark
    public long antiPattern() {
        return CartTotal.totalCents(items);
    }

    @Benchmark
    public long fixed() {
        return CartTotalFixed.totalCents(items);
    }
}
