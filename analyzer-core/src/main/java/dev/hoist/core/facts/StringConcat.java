package dev.hoist.core.facts;

/**
 * A string concatenation, compiled either to {@code invokedynamic makeConcatWithConstants} or to a
 * {@code StringBuilder} chain ending in {@code toString()}. {@code carriedVariable} is the name of a
 * local or field that the concatenation both reads and assigns and whose value is carried from one
 * iteration into the next ({@code s += x}); null otherwise.
 */
public record StringConcat(int insn, int line, boolean indy, String carriedVariable, Loop loop) {
}
