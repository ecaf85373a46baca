package dev.hoist.workloads.bench;

import dev.hoist.workloads.pairs.invariantcall.*;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Measures what the fix of invariant-call-in-loop buys: RegionInvoice (anti-pattern) against RegionInvoiceFixed on the
 * same input. The ratio antiPattern / fixed of the average times is the figure the README quotes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class InvariantCallBench {

    Order[] orders;
    RegionInvoice invoice;
    RegionInvoiceFixed invoiceFixed;

    @Setup
    public void setUp() {
        orders = Order.batch(42, 10_000);
        invoice = new RegionInvoice(Order.TAX_BASIS_POINTS);
        invoiceFixed = new RegionInvoiceFixed(Order.TAX_BASIS_POINTS);
    }

    @Benchmark
    public long antiPattern() {
        return invoice.grossCents(orders, "SE");
    }

    @Benchmark
    public long fixed() {
        return invoiceFixed.grossCents(orders, "SE");
    }
}
