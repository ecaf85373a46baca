package dev.hoist.core.facts;

/**
 * What the analyzed class path says about the target of a call: whether its body could be read,
 * its bytecode size, whether it is native, abstract, a trivial getter or directly recursive, whether
 * it is declared synchronized ({@code ACC_SYNCHRONIZED}; each call enters the receiver's monitor, or
 * the class's for a static method; said of the body the call's own type resolves to, which an
 * override may not share), whether
 * it is on the documented list of side-effect-free JDK methods, how many implementations a virtual
 * or interface call can reach ({@code -1} when unknown), and whether it returns a freshly made small
 * array or record (the fields a call writes are {@link FieldWrites}). {@code pure} says that its
 * body and everything it calls were read and only read (fields, read-only JDK queries, arithmetic,
 * strings): calling it again with the same receiver and arguments gives the same value as long as
 * nobody writes {@code fieldsRead}.
 */
public record CalleeFacts(boolean readable, int codeSize, boolean isNative, boolean isAbstract, boolean isFinal,
                          boolean isSynchronized, boolean trivialGetter, boolean recursive, boolean knownReadOnly, int implementations,
                          boolean returnsFreshTuple, boolean pure, java.util.Set<String> fieldsRead) {

    public CalleeFacts(boolean readable, int codeSize, boolean isNative, boolean isAbstract, boolean isFinal,
                       boolean trivialGetter, boolean recursive, boolean knownReadOnly, int implementations,
                       boolean returnsFreshTuple) {
        this(readable, codeSize, isNative, isAbstract, isFinal, false, trivialGetter, recursive, knownReadOnly, implementations,
                returnsFreshTuple, false, java.util.Set.of());
    }

    private static final CalleeFacts UNRESOLVED = new CalleeFacts(false, -1, false, false, false, false, false, false, -1,
            false);
    private static final CalleeFacts UNRESOLVED_READ_ONLY = new CalleeFacts(false, -1, false, false, false, false, false, true,
            -1, false);

    /** The facts of a call outside any loop: not resolved (rules only look at calls in loops), apart from the read-only list. */
    public static CalleeFacts unresolved(boolean knownReadOnly) {
        return knownReadOnly ? UNRESOLVED_READ_ONLY : UNRESOLVED;
    }

    /** Known to have no side effects: a documented JDK read-only method or a trivial getter. */
    public boolean sideEffectFree() {
        return knownReadOnly || trivialGetter || pure;
    }
}
