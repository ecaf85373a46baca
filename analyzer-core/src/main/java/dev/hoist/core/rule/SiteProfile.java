package dev.hoist.core.rule;

import dev.hoist.core.facts.CallSite;
import dev.hoist.core.facts.MethodFacts;
import dev.hoist.core.profile.FrameType;
import dev.hoist.core.profile.MethodRef;
import java.util.List;
import java.util.Map;

/**
 * What the profile measured at one finding's site, for a rule's {@link Rule#judge}: the samples
 * at the site's bytecode indexes (with everything the site called), the Java frames right under
 * the site and how the JIT ran them, how the JIT ran the loop's own frame, and the allocations
 * made at the site, by type and by the methods between the site and the allocation
 * ({@code ArrayList.grow}). All counts are of the site only, never of the whole loop, so a rule
 * cannot confirm a finding with samples that belong to another line. {@link #facts()} is the
 * method's facts when its bytes could be read.
 */
public interface SiteProfile {

    /** A Java frame directly under the site (JIT stubs skipped), with how it ran and its samples. */
    record Callee(MethodRef method, FrameType type, long samples) {
    }

    /** An allocated type or an allocating method under the site, with its bytes and samples. */
    record Alloc(String name, long bytes, long samples) {
    }

    /**
     * Lock waits recorded at the site (contended monitor enters and parks on a lock, callees
     * included): how many events and how long they waited; {@code recorded} says whether the
     * recording has lock events at all, so that "none at the site" means something.
     */
    record LockWaits(boolean recorded, long events, long nanos) {
    }

    /** The time event the samples are of ("cpu", "wall"), or "none". */
    String kind();

    /** Time samples at the site, callees included. */
    long samples();

    /** Time samples anywhere in the finding's loop, callees included: context, not the site's cost. */
    long loopSamples();

    /** Allocation samples at the site (callees included). */
    long allocSamples();

    /** Bytes those allocation samples stand for. */
    long allocBytes();

    /** Whether the recording has allocation samples at all ("none at the site" then means something). */
    boolean allocationsRecorded();

    /** Java frames directly under the site, by samples descending. */
    List<Callee> callees();

    /** How the JIT ran the loop method's frame at the loop's bcis (interpreted, C1, C2, inlined). */
    Map<FrameType, Long> loopFrameTypes();

    /** Types allocated at the site, by bytes descending. */
    List<Alloc> allocatedTypes();

    /** Every method between the site's frame and the allocation, by bytes descending (each counted once per sample). */
    List<Alloc> allocatingMethods();

    /** The facts of the finding's method, or null when its bytes could not be read again. */
    MethodFacts facts();

    /** The calls of {@link #facts()} whose bytecode index is one of the site's. */
    List<CallSite> siteCalls();

    /** The lock waits at the site; none recorded unless the implementation reads lock events. */
    default LockWaits lockWaits() {
        return new LockWaits(false, 0, 0);
    }
}
