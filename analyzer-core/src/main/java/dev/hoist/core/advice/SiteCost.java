package dev.hoist.core.advice;

/**
 * What the profile measured at one advice's site, the instructions its fix changes: the time
 * samples at the site's bytecode indexes (everything the site called included), the allocation
 * samples and bytes made there, and for rules whose cost is garbage, the part of the GC threads'
 * time those bytes stand for. {@link #savingShare()} is what fixing the advice can save at most,
 * the number shown next to it and the key it is ranked by; the loop's {@link LoopCost} is context.
 *
 * @param kind            the time event the samples are of ("cpu", "wall", ...)
 * @param samples         time samples at the site
 * @param totalSamples    all time samples of {@code kind} in the recording
 * @param allocSamples    allocation samples at the site
 * @param allocBytes      bytes those samples stand for
 * @param totalAllocBytes all allocated bytes in the recording
 * @param gcSamples       time samples on the GC threads
 * @param allocationCost  whether the rule's cost includes the garbage it makes
 */
public record SiteCost(String kind, long samples, long totalSamples, long allocSamples, long allocBytes,
                       long totalAllocBytes, long gcSamples, boolean allocationCost) {

    /** A site with no measure (a finding shown without a profile). */
    public static final SiteCost NONE = new SiteCost("cpu", 0, 0, 0, 0, 0, 0, false);

    /** The loop's numbers standing in for the site's, for advice saved before sites were measured. */
    public static SiteCost ofLoop(LoopCost c, boolean allocationCost) {
        return new SiteCost(c.kind(), c.inclusiveSamples(), c.totalSamples(), c.allocSamples(), c.allocBytes(),
                c.totalAllocBytes(), c.gcSamples(), allocationCost);
    }

    /** Share of all time samples at the site, 0..1. */
    public double timeShare() {
        return totalSamples == 0 ? 0 : (double) samples / totalSamples;
    }

    /** Share of all allocated bytes allocated at the site, 0..1. */
    public double allocShare() {
        return totalAllocBytes == 0 ? 0 : (double) allocBytes / totalAllocBytes;
    }

    /**
     * What fixing the site can save, 0..1 of the recording's time: its own samples, plus for
     * garbage-making sites the GC time in proportion to the bytes they allocated. A recording with
     * allocation samples only ranks garbage-making sites by their share of the bytes.
     */
    public double savingShare() {
        if (totalSamples == 0) return allocationCost ? allocShare() : 0;
        return timeShare() + (allocationCost ? allocShare() * gcSamples / totalSamples : 0);
    }

    /** Whether the profile saw the site at all: a site with no samples of any kind is code that did not run hot. */
    public boolean sampled() {
        return samples > 0 || allocSamples > 0;
    }
}
