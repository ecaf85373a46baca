package dev.hoist.core.rule;

/**
 * What fixing a rule's finding saves, which decides how the advisor measures it: {@link #TIME}
 * is the cpu (or wall) samples at the site; {@link #ALLOCATION} is those plus the share of the
 * garbage collector's time that the bytes allocated at the site stand for, since what an
 * allocation costs beyond its own instructions is paid later, on the GC threads.
 */
public enum CostKind {
    /** The site's own samples: a call with everything under it, a load, a lock. */
    TIME,
    /**
     * What a call costs as a call, not what its callee does: the samples with the caller running at
     * the call (argument set-up, the call itself) and those in dispatch stubs and native frames
     * right under it. Fixing call overhead (inlining, a type test per receiver) removes that, not
     * the callee's work, so the callee's samples are never claimed.
     */
    CALL_OVERHEAD,
    /** The site's samples plus its allocated bytes' part of the GC time. */
    ALLOCATION,
    /**
     * An object a call returns, paid inside the callee: the call's own cost ({@link #CALL_OVERHEAD})
     * plus the GC part of the bytes of the returned type allocated under the call. Returning the
     * parts separately removes that, not what the callee computes.
     */
    RESULT_ALLOCATION
}
