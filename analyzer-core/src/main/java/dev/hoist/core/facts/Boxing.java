package dev.hoist.core.facts;

/**
 * A boxing ({@code Integer.valueOf(int)} and friends) or unboxing ({@code intValue()} and friends)
 * call. {@code accumulatorLocal} is the local slot of a boxed accumulator ({@code Long total} with
 * {@code total += x} in the loop) when this boxing stores back into it, else {@code -1};
 * {@code accumulatorName} is its name.
 */
public record Boxing(int insn, int line, boolean boxing, String boxType, int accumulatorLocal,
                     String accumulatorName, Loop loop) {
}
