package dev.hoist.workloads.bench;

import dev.hoist.workloads.pairs.uninlinable.*;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Measures what the fix of uninlinable-call-in-loop buys: Tokenizer (anti-pattern) against TokenizerFixed on the
 * same input. The ratio antiPattern / fixed of the average times is the figure the README quotes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class UninlinableCallBench {

    char[] text;

    @Setup
    public void setUp() {
        text = SourceText.generate(42, 64 * 1024);
    }

    @Benchmark
    public int antiPattern() {
        return Tokenizer.countTokens(text);
    }

    @Benchmark
    public int fixed() {
        return TokenizerFixed.countTokens(text);
    }
}
