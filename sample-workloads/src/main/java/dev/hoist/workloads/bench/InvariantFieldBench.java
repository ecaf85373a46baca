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
 * Measures what the fix of invariant-field-in-loop buys: FlatField (anti-pattern) against FlatFieldFixed on the
 * same input. The ratio antiPattern / fixed of the average times is the figure the README quotes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class InvariantFieldBench {

    int[] frame;
    FlatField flatField;
    FlatFieldFixed flatFieldFixed;

    @Setup
    public void setUp() {
        frame = Sensor.frame(42, 1 << 16);
        long[] gains = Sensor.gains(7, 1 << 16);
        flatField = new FlatField(gains, 4000);
        flatFieldFixed = new FlatFieldFixed(gains, 4000);
    }

    @Benchmark
    public Sensor.FrameStats antiPattern() {
        return flatField.correct(frame);
    }

    @Benchmark
    public Sensor.FrameStats fixed() {
        return flatFieldFixed.correct(frame);
    }
}
