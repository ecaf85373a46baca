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

    /** The order a kind is chosen in when the user does not say: time first (cpu, wall, sample, native), then alloc, lock. */
    public static final java.util.List<EventKind> PREFERENCE = java.util.List.of(CPU, WALL, SAMPLE, NATIVE, ALLOC, LOCK);

    /**
     * The first kind in {@link #PREFERENCE} that has samples and that {@code which} accepts, or null:
     * the one place where a default kind is chosen (the advice ranks by {@code EventKind::weightIsSamples},
     * the report's hot methods take any kind but alloc, which has its own section).
     */
    public static EventKind preferred(java.util.Map<EventKind, Long> counts, java.util.function.Predicate<EventKind> which) {
        for (EventKind k : PREFERENCE) {
            if (which.test(k) && counts.getOrDefault(k, 0L) > 0) return k;
        }
        return null;
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
