package dev.hoist.core.rule;

/**
 * What fixing a rule's finding saves, which decides how the advisor measures it: {@link #TIME}
 * is the cpu (or wall) samples at the site; {@link #ALLOCATION} is those plus the share of the
 * garbage collector's time that the bytes allocated at the site stand for, since what an
 * allocation costs beyond its own instructions is paid later, on the GC threads.
 */
public enum CostKind {
    /** The site's own samples: a call, a load, a lock. */
    TIME,
    /** The site's samples plus its allocated bytes' part of the GC time. */
    ALLOCATION
}
