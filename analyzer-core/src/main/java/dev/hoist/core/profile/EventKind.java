package dev.hoist.core.profile;

/**
 * What a sample measures. Execution kinds weigh one per sample (wall-clock samples may carry a
 * count); allocation samples weigh their bytes; lock samples weigh the nanoseconds waited.
 */
public enum EventKind {
    /** On-CPU execution: {@code jdk.ExecutionSample} (async-profiler cpu/itimer/ctimer, or the JDK). */
    CPU("cpu"),
    /** Wall-clock: async-profiler's {@code profiler.WallClockSample}. */
    WALL("wall"),
    /** Threads running native code: the JDK's {@code jdk.NativeMethodSample}. */
    NATIVE("native"),
    /** Allocation samples: TLAB events from async-profiler, {@code jdk.ObjectAllocationSample} from the JDK. */
    ALLOC("alloc"),
    /** Contended locks and parking: {@code jdk.JavaMonitorEnter}, {@code jdk.ThreadPark}. */
    LOCK("lock"),
    /** Samples of a collapsed-stacks file: the file does not say which event produced them. */
    SAMPLE("sample");

    private static final EventKind[] VALUES = values();

    private final String id;

    EventKind(String id) {
        this.id = id;
    }

    /** Stable lower-case id used in the JSON report and on the command line. */
    public String id() {
        return id;
    }

    /** True when each sample's weight is a count of samples rather than bytes or nanoseconds. */
    public boolean weightIsSamples() {
        return this == CPU || this == WALL || this == NATIVE || this == SAMPLE;
    }

    public static EventKind ofId(String id) {
        for (EventKind k : VALUES) {
            if (k.id.equalsIgnoreCase(id)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown event kind: " + id);
    }

    static EventKind ofOrdinal(int ordinal) {
        return VALUES[ordinal];
    }
}
