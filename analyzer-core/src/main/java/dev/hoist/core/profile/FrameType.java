package dev.hoist.core.profile;

/**
 * How the JVM was running a frame when it was sampled. The advisor reads it as evidence: a callee
 * that stays {@link #JIT_COMPILED} (a real call) under a hot loop confirms call overhead, while
 * {@link #INLINED} means the JIT already removed the call. Both samplers record it per frame.
 */
public enum FrameType {
    INTERPRETED("Interpreted", "interp"),
    /** Compiled by C2 (or by C1 when the sampler does not tell them apart). */
    JIT_COMPILED("JIT compiled", "jit"),
    C1_COMPILED("C1 compiled", "c1"),
    INLINED("Inlined", "inlined"),
    NATIVE("Native", "native"),
    CPP("C++", "c++"),
    KERNEL("Kernel", "kernel"),
    /** The source did not say (collapsed stacks without type suffixes). */
    UNKNOWN("Unknown", "?");

    private static final FrameType[] VALUES = values();

    private final String jfrName;
    private final String shortName;

    FrameType(String jfrName, String shortName) {
        this.jfrName = jfrName;
        this.shortName = shortName;
    }

    /** The name used in JFR's {@code jdk.types.FrameType} pool. */
    public String jfrName() {
        return jfrName;
    }

    public String shortName() {
        return shortName;
    }

    /** True for frames of Java methods (they have a bytecode index worth mapping to a loop). */
    public boolean isJava() {
        return this == INTERPRETED || this == JIT_COMPILED || this == C1_COMPILED || this == INLINED;
    }

    /** Maps a JFR frame-type name ("JIT compiled", "Inlined", ...) to a type; unknown names give UNKNOWN. */
    public static FrameType ofJfrName(String name) {
        if (name != null) {
            for (FrameType t : VALUES) {
                if (t.jfrName.equalsIgnoreCase(name)) {
                    return t;
                }
            }
        }
        return UNKNOWN;
    }

    static FrameType ofOrdinal(int ordinal) {
        return VALUES[ordinal];
    }
}
