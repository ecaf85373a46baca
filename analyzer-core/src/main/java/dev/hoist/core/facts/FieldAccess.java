package dev.hoist.core.facts;

/**
 * One field read or write inside a loop: the field, its flags when the declaring class can be
 * read, the receiver ({@code null} for static fields), and whether it runs on every iteration.
 */
public record FieldAccess(int insn, int line, boolean write, boolean isStatic, String owner, String name,
                          String descriptor, Boolean isVolatile, Boolean isFinal, Value receiver,
                          boolean everyIteration, Loop loop) {

    /** True when the field's flags could be read and it is volatile. Unknown counts as not volatile. */
    public boolean knownVolatile() {
        return Boolean.TRUE.equals(isVolatile);
    }
}
