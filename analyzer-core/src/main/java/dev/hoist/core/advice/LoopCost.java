package dev.hoist.core.advice;

/**
 * What the profile measured inside one loop: the samples whose frame in the loop's method has a
 * bytecode index inside the loop (self: the method is the leaf; inclusive: anywhere on the stack),
 * the allocation samples and bytes attributed to allocation sites in the loop, and those counts as
 * shares of the whole recording (0..1) for the event kind that ranks the report.
 *
 * @param kind             the event kind the sample counts are of ("cpu", "wall", ...)
 * @param selfSamples      samples with the loop's method as leaf and the bci in the loop
 * @param inclusiveSamples samples with the loop's method on the stack at a bci in the loop
 * @param totalSamples     all samples of {@code kind} in the recording
 * @param allocSamples     allocation samples at sites in the loop (including callees it made)
 * @param allocBytes       bytes those allocation samples stand for
 * @param totalAllocBytes  all allocation bytes in the recording
 * @param gcSamples        samples of {@code kind} on the garbage collector's threads: the time the
 *                         recording's garbage cost, shared out to loops by their allocated bytes
 */
public record LoopCost(String kind, long selfSamples, long inclusiveSamples, long totalSamples,
                       long allocSamples, long allocBytes, long totalAllocBytes, long gcSamples) {

    public static final LoopCost NONE = new LoopCost("cpu", 0, 0, 0, 0, 0, 0, 0);

    /** Without a measure of GC time (a JDK recording samples Java threads only). */
    public LoopCost(String kind, long selfSamples, long inclusiveSamples, long totalSamples,
                    long allocSamples, long allocBytes, long totalAllocBytes) {
        this(kind, selfSamples, inclusiveSamples, totalSamples, allocSamples, allocBytes, totalAllocBytes, 0);
    }

    /** Share of all samples spent in the loop, inclusive of callees, 0..1. */
    public double inclusiveShare() {
        return totalSamples == 0 ? 0 : (double) inclusiveSamples / totalSamples;
    }

    /** Share of all samples with the loop itself as the leaf, 0..1. */
    public double selfShare() {
        return totalSamples == 0 ? 0 : (double) selfSamples / totalSamples;
    }

    /** Share of all allocated bytes allocated in the loop, 0..1. */
    public double allocShare() {
        return totalAllocBytes == 0 ? 0 : (double) allocBytes / totalAllocBytes;
    }

    /** Whether the profile saw the loop at all. */
    public boolean sampled() {
        return inclusiveSamples > 0 || allocSamples > 0;
    }
}
