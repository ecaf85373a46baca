package dev.hoist.workloads.bench;

import dev.hoist.workloads.pairs.lock.*;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * Measures what the fix of lock-in-loop buys: SharedTally (anti-pattern) against SharedTallyFixed,
 * four threads posting to the one ledger at once. The ratio antiPattern / fixed of the average
 * times is the figure the docs page quotes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(4)
public class LockInLoopBench {

    int[] amounts;

    @Setup
    public void setUp() {
        amounts = Amounts.generate(42, 2_000);
    }

    @Benchmark
    public long antiPattern() {
        return SharedTally.tally(amounts);
    }

    @Benchmark
    public long fixed() {
        return SharedTallyFixed.tally(amounts);
    }
}
