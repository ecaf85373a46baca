package dev.hoist.core.facts;

/**
 * Where a stack value used inside a loop comes from, as far as loop-invariance is concerned: the
 * kind of source, whether it is the same on every iteration, the name a fix can use for it (real
 * local and field names from the LocalVariableTable), the variable it denotes ({@link ValueId}, null
 * when there is no such identity, for example a call result or a literal), and whether the text
 * names it completely: {@code nameable} is false when a part of it has no name in the source and
 * is elided in {@code text}, so a fix cannot use the text as code.
 */
public record Value(Kind kind, boolean invariant, String text, ValueId id, boolean nameable) {

    /** The kinds of source a receiver or argument can have. */
    public enum Kind {
        /** {@code this} in an instance method. */
        THIS,
        /** A literal or a {@code static final} constant. */
        CONSTANT,
        /** A local variable or parameter (invariant when the loop never assigns it). */
        LOCAL,
        /** A static field. */
        STATIC,
        /** An instance field of some receiver. */
        FIELD,
        /** Anything computed: a call result, arithmetic, an array element. */
        COMPUTED
    }

    /** Whether both values denote the same variable: both have an id, and the ids are equal. */
    public boolean sameVariable(Value other) {
        return id != null && other != null && id.equals(other.id);
    }
}
