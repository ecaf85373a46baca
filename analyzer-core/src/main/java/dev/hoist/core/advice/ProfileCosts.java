package dev.hoist.core.advice;

import dev.hoist.core.profile.EventKind;
import dev.hoist.core.profile.MethodQuery;
import dev.hoist.core.profile.MethodRef;
import dev.hoist.core.profile.Profile;
import dev.hoist.core.rule.Finding;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Joins findings to the profile's methods and measures them: a loop's cost ({@link LoopCost}) and a
 * site's ({@link SiteCost}), in the time kind the advice ranks by, with the recording's totals and
 * the garbage collector's share that a garbage rule's saving includes.
 */
final class ProfileCosts {
    private final Profile profile;
    private final EventKind kind;
    private final long totalSamples;
    private final long totalAllocBytes;
    private final long gcSamples;
    private final Map<String, List<Integer>> methodsByName = new HashMap<>();
    private final Map<Integer, MethodQuery> queries = new HashMap<>();

    /** Wall samples on stacks that were running, not waiting ({@link dev.hoist.core.profile.IdleStacks}). */
    static long runningWallSamples(Profile profile) {
        java.util.BitSet idle = profile.idleStacks();
        long n = 0;
        for (int i = 0, size = profile.size(); i < size; i++) {
            if (profile.kind(i) == EventKind.WALL && !idle.get(profile.stack(i))) n += profile.sampleCount(i);
        }
        return n;
    }

    ProfileCosts(Profile profile, EventKind kind) {
        this.profile = profile;
        this.kind = kind;
        // wall time is shared out over the threads that ran: a site's share of the samples where threads waited means nothing
        this.totalSamples = kind == null ? 0 : kind == EventKind.WALL ? runningWallSamples(profile)
                : profile.sampleCounts().getOrDefault(kind, 0L);
        long bytes = 0;
        for (int i = 0, n = profile.size(); i < n; i++) {
            if (profile.kind(i) == EventKind.ALLOC) bytes += profile.weight(i);
        }
        this.totalAllocBytes = bytes;
        this.gcSamples = gcSamples(profile, kind);
        List<MethodRef> methods = profile.methods();
        for (int i = 0; i < methods.size(); i++) {
            MethodRef m = methods.get(i);
            methodsByName.computeIfAbsent(m.className() + "." + m.name(), k -> new ArrayList<>()).add(i);
        }
    }

    /** The profile's method for the finding: same descriptor, or the only one of that name when the sampler kept none. */
    MethodQuery query(Finding f) {
        List<Integer> candidates = methodsByName.getOrDefault(f.className() + "." + f.method(), List.of());
        Integer match = null;
        for (int i : candidates) {
            String d = profile.method(i).descriptor();
            if (d.equals(f.descriptor())) {
                match = i;
                break;
            }
            if (d.isEmpty() && candidates.size() == 1) match = i;
        }
        if (match == null) return null;
        return queries.computeIfAbsent(match, i -> MethodQuery.of(profile, profile.method(i)));
    }

    LoopCost of(MethodQuery q, BitSet bcis) {
        String kindId = kind == null ? "none" : kind.id();
        if (q == null) return new LoopCost(kindId, 0, 0, totalSamples, 0, 0, totalAllocBytes, gcSamples);
        long self = 0;
        long inclusive = 0;
        if (kind != null) {
            MethodQuery.LoopSamples s = q.samples(kind, bcis);
            self = s.self();
            inclusive = s.inclusive();
        }
        long allocSamples = 0;
        long allocBytes = 0;
        if (totalAllocBytes > 0) {
            for (MethodQuery.AllocStat a : q.allocationsByType(bcis)) {
                allocSamples += a.samples();
                allocBytes += a.bytes();
            }
        }
        return new LoopCost(kindId, self, inclusive, totalSamples, allocSamples, allocBytes, totalAllocBytes, gcSamples);
    }

    /**
     * The site's own cost: the time samples and allocations at its bcis, with what they called; for a
     * call whose overhead is the cost, the call's own samples and no bytes; for an object a call
     * returns, the call's own samples and the bytes of {@code resultType} (a binary name) under it.
     */
    SiteCost site(MethodQuery q, BitSet site, dev.hoist.core.rule.CostKind cost, String resultType, dev.hoist.core.rule.SavedPart part) {
        if (part != null) {
            // only what passes through these callees is what the fix removes (a collection's growth, not its elements)
            boolean garbage = cost == dev.hoist.core.rule.CostKind.ALLOCATION;
            if (q == null) return new SiteCost(kind == null ? "none" : kind.id(), 0, totalSamples, 0, 0, totalAllocBytes, gcSamples, garbage);
            BitSet counted = part.jdkOnly() ? jdkMethods() : new BitSet();
            for (int m = 0; !part.jdkOnly() && m < profile.methods().size(); m++) {
                if (part.callees().contains(profile.method(m).displayName())) counted.set(m);
            }
            MethodQuery.Under u = q.under(kind, site, counted, part.jdkOnly());
            return new SiteCost(kind == null ? "none" : kind.id(), Math.round(u.time() * part.share()), totalSamples,
                    totalAllocBytes > 0 ? Math.round(u.allocSamples() * part.share()) : 0,
                    totalAllocBytes > 0 ? Math.round(u.allocBytes() * part.share()) : 0, totalAllocBytes, gcSamples, garbage);
        }
        LoopCost c = of(q, site);
        boolean call = cost == dev.hoist.core.rule.CostKind.CALL_OVERHEAD || cost == dev.hoist.core.rule.CostKind.RESULT_ALLOCATION;
        boolean garbage = cost == dev.hoist.core.rule.CostKind.ALLOCATION || cost == dev.hoist.core.rule.CostKind.RESULT_ALLOCATION;
        long samples = call && q != null && kind != null ? q.callOverhead(kind, site) : c.inclusiveSamples();
        long allocSamples = call ? 0 : c.allocSamples();
        long allocBytes = call ? 0 : c.allocBytes();
        if (cost == dev.hoist.core.rule.CostKind.RESULT_ALLOCATION && q != null && resultType != null && totalAllocBytes > 0) {
            for (MethodQuery.AllocStat a : q.allocationsByType(site)) {
                if (a.name().equals(resultType)) {
                    allocSamples += a.samples();
                    allocBytes += a.bytes();
                }
            }
        }
        // a call's overhead allocates nothing of its own: the callee's garbage is not what the fix removes
        return new SiteCost(c.kind(), samples, totalSamples, allocSamples, allocBytes, totalAllocBytes, gcSamples, garbage);
    }

    /** The profile's name of the finding's method (with its descriptor when the sampler kept one). */
    MethodRef methodRef(Finding f) {
        MethodRef exact = new MethodRef(f.className(), f.method(), f.descriptor());
        return profile.methodIndex(exact) >= 0 ? exact : new MethodRef(f.className(), f.method(), "");
    }

    private long[] weights;
    private BitSet jdkMethods;

    /** The profile's methods of the JDK's classes, by index (computed once). */
    private BitSet jdkMethods() {
        if (jdkMethods == null) {
            jdkMethods = new BitSet();
            for (int m = 0; m < profile.methods().size(); m++) {
                if (dev.hoist.core.classes.JdkClasses.isJdk(profile.method(m).className())) jdkMethods.set(m);
            }
        }
        return jdkMethods;
    }

    /** Time-event weight per stack, for the callee and frame-type questions rules ask. */
    long[] weights() {
        if (weights == null && kind != null) {
            weights = new long[profile.stackCount()];
            for (int i = 0, n = profile.size(); i < n; i++) {
                if (profile.kind(i) == kind) weights[profile.stack(i)] += profile.weight(i);
            }
        }
        return weights;
    }

    /**
     * Time samples on the garbage collector's threads: HotSpot names them "GC Thread#n", "G1 ...",
     * "ZWorker", "Shenandoah", "Parallel GC Threads"... The JDK's sampler records Java threads only,
     * so there this is 0 and allocation rules rank by their own time.
     */
    static long gcSamples(Profile profile, EventKind kind) {
        if (kind == null) return 0;
        boolean[] gc = new boolean[profile.threadCount()];
        for (int t = 0; t < gc.length; t++) {
            String n = profile.threadName(t);
            gc[t] = n != null && (n.startsWith("GC Thread") || n.startsWith("G1 ") || n.startsWith("ZWorker")
                    || n.startsWith("Z Driver") || n.startsWith("Shenandoah") || n.contains("GC Thread")
                    || n.startsWith("ParGC") || n.startsWith("Parallel GC"));
        }
        long sum = 0;
        for (int i = 0, n = profile.size(); i < n; i++) {
            if (profile.kind(i) == kind) {
                int t = profile.thread(i);
                if (t >= 0 && t < gc.length && gc[t]) sum += profile.weight(i);
            }
        }
        return sum;
    }
}
