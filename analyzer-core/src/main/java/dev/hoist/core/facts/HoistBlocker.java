package dev.hoist.core.facts;

/**
 * Something in a loop that may keep C2 from hoisting a load across it, with why: {@code what}
 * names it as the advice shows it ("Parser.next()", "a synchronized block", "a volatile read of
 * state") and {@code reason} gives the words that follow that name ("is native", "is a memory
 * barrier for C2"). {@code certain} is true when the blocker is known to stay in the compiled loop
 * (see {@link Loop#opaqueCallCertain()}); rules decide on {@link #kind()}, never on the words.
 */
public record HoistBlocker(Kind kind, String what, String reason, boolean certain) {

    /** Why the blocker blocks. */
    public enum Kind {
        /** An atomic or ordered access, a monitor or a volatile access: C2 puts a memory barrier there. */
        MEMORY_BARRIER,
        /** A native callee. */
        NATIVE,
        /** A callee larger than FreqInlineSize. */
        TOO_LARGE,
        /** A directly recursive callee. */
        RECURSIVE,
        /** A virtual call with three or more implementations on the analyzed class path. */
        MANY_IMPLEMENTATIONS,
        /** A callee that is not on the analyzed class path. */
        NOT_ON_CLASS_PATH,
        /** An interface or abstract call whose implementations are not known. */
        UNKNOWN_IMPLEMENTATIONS
    }

    public boolean isMemoryBarrier() {
        return kind == Kind.MEMORY_BARRIER;
    }

    /** Why C2 will not inline this callee whatever the profile says, or null. */
    static HoistBlocker certain(CalleeFacts c, String owner, String name) {
        if (Intrinsics.isBarrier(owner, name)) {
            return new HoistBlocker(Kind.MEMORY_BARRIER, call(owner, name), "is an atomic or ordered memory access, a memory barrier for C2", true);
        }
        if (c.knownReadOnly() || !c.readable() || Intrinsics.isIntrinsic(owner, name)) return null;
        if (c.isNative()) return new HoistBlocker(Kind.NATIVE, call(owner, name), "is native", true);
        if (c.codeSize() > MethodFacts.FREQ_INLINE_SIZE) {
            return new HoistBlocker(Kind.TOO_LARGE, call(owner, name), "is " + c.codeSize() + " bytes of bytecode, above FreqInlineSize ("
                    + MethodFacts.FREQ_INLINE_SIZE + ")", true);
        }
        if (c.recursive()) return new HoistBlocker(Kind.RECURSIVE, call(owner, name), "is recursive", true);
        return null;
    }

    /**
     * A callee C2 may or may not inline: it is not readable here, or it is a virtual call whose
     * implementations are unknown or several. C2 inlines the one or two receiver classes the
     * profile saw, so only the profile can say whether the call stays. Null when C2 inlines it.
     */
    static HoistBlocker possible(CalleeFacts c, String owner, String name) {
        if (c.knownReadOnly() || Intrinsics.isIntrinsic(owner, name)) return null;
        if (!(!c.readable() || c.implementations() >= 3 || (c.isAbstract() && c.implementations() != 1))) return null;
        String what = SourceText.simple(owner) + "." + name + "()";
        if (c.implementations() >= 3) {
            return new HoistBlocker(Kind.MANY_IMPLEMENTATIONS, what, "has " + c.implementations()
                    + " implementations on the analyzed class path", false);
        }
        if (!c.readable()) return new HoistBlocker(Kind.NOT_ON_CLASS_PATH, what, "is not on the analyzed class path", false);
        return new HoistBlocker(Kind.UNKNOWN_IMPLEMENTATIONS, what,
                "is an interface or abstract call whose implementations are not known here", false);
    }

    private static String call(String owner, String name) {
        return SourceText.simple(owner) + "." + name + "()";
    }

    /** A monitor enter. */
    static HoistBlocker monitor() {
        return new HoistBlocker(Kind.MEMORY_BARRIER, "a synchronized block", "is a memory barrier for C2", true);
    }

    /** A volatile field access. */
    static HoistBlocker volatileAccess(boolean read, String field) {
        return new HoistBlocker(Kind.MEMORY_BARRIER, "a volatile " + (read ? "read of " : "write of ") + field,
                "is a memory barrier for C2", true);
    }
}
