package dev.hoist.core.facts;

/**
 * A string concatenation, compiled either to {@code invokedynamic makeConcatWithConstants} or to a
 * {@code StringBuilder} chain ending in {@code toString()}. {@code carriedVariable} is the name of a
 * local or field that the concatenation both reads and assigns and whose value is carried from one
 * iteration into the next ({@code s += x}); null otherwise. {@code parts} are the concatenated
 * operands in order as source-like text (constants quoted), so a fix can name them.
 */
public record StringConcat(int insn, int line, boolean indy, String carriedVariable, java.util.List<String> parts, Loop loop) {

    /** The carried variable is not the first part: the loop prepends (or inserts) rather than appends. */
    public boolean prepends() {
        return carriedVariable != null && !parts.isEmpty() && !parts.get(0).equals(carriedVariable);
    }
}
