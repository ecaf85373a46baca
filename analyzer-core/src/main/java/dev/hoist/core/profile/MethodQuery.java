package dev.hoist.core.profile;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The questions the advisor asks about one method and a set of its bytecode indexes (a loop's
 * bci range): how many samples ran there (self: the method was the running frame; inclusive: it
 * was on the stack at one of those bcis), which callees ran under it and how the JIT ran them
 * (a compiled callee is a real call, an inlined one is not), and which allocations happened there,
 * by type and by the methods between the site and the allocation (ArrayList.grow, HashMap.resize).
 * The method's frame is its innermost one when it recurses. Only the stacks containing the method
 * are visited, through {@link Profile#stacksContaining}.
 */
public final class MethodQuery {
    /** Samples in the bci set: self (method was running) and inclusive, out of the method's total. */
    public record LoopSamples(long self, long inclusive, long methodTotal) {}

    /** A frame called from the method at one of the bcis, with how it was run. */
    public record Callee(MethodRef method, FrameType type, long value, long samples) {}

    /** A method anywhere between the allocating site and the leaf, or a type, with bytes and samples. */
    public record AllocStat(String name, long bytes, long samples) {}

    private final Profile profile;
    private final int method;
    private final Map<EventKind, long[]> stackValues = new EnumMap<>(EventKind.class);
    private final Map<EventKind, long[]> stackSamples = new EnumMap<>(EventKind.class);

    private MethodQuery(Profile profile, int method) {
        this.profile = profile;
        this.method = method;
    }

    /** A query for the method, or null if no sample has it. */
    public static MethodQuery of(Profile profile, MethodRef method) {
        int index = profile.methodIndex(method);
        return index < 0 ? null : new MethodQuery(profile, index);
    }

    public LoopSamples samples(EventKind kind, BitSet bcis) {
        long[] values = values(kind);
        long self = 0;
        long inclusive = 0;
        long total = 0;
        for (int s : profile.stacksContaining(method)) {
            long v = values[s];
            if (v == 0) {
                continue;
            }
            total += v;
            int k = innermost(s);
            if (inSet(s, k, bcis)) {
                inclusive += v;
                if (k == 0) {
                    self += v;
                }
            }
        }
        return new LoopSamples(self, inclusive, total);
    }

    /**
     * Samples at the bcis that are the call itself: the method's frame is the leaf there, or the
     * frame right under it is not a Java method (an itable/vtable stub, a native or VM frame).
     */
    public long callOverhead(EventKind kind, BitSet bcis) {
        long[] values = values(kind);
        long out = 0;
        for (int s : profile.stacksContaining(method)) {
            long v = values[s];
            if (v == 0) continue;
            int k = innermost(s);
            if (!inSet(s, k, bcis)) continue;
            if (k == 0 || !profile.frame(profile.stackFrames(s)[k - 1]).type().isJava()) out += v;
        }
        return out;
    }

    /** Direct callees of the method's frame at the bcis, by value descending. */
    public List<Callee> callees(EventKind kind, BitSet bcis) {
        long[] values = values(kind);
        long[] samples = stackSamples.get(kind);
        Map<Integer, long[]> byFrame = new HashMap<>();
        for (int s : profile.stacksContaining(method)) {
            if (values[s] == 0) {
                continue;
            }
            int k = innermost(s);
            if (k > 0 && inSet(s, k, bcis)) {
                Frame callee = profile.frame(profile.stackFrames(s)[k - 1]);
                // key by method and type: the same callee may be inlined in one sample, compiled in another
                @SuppressWarnings("EnumOrdinal") // a key within this query only, never stored
                long[] acc = byFrame.computeIfAbsent(callee.methodIndex() * 16 + callee.type().ordinal(), x -> new long[2]);
                acc[0] += values[s];
                acc[1] += samples[s];
            }
        }
        List<Callee> out = new ArrayList<>();
        byFrame.forEach((key, v) -> out.add(new Callee(profile.method(key / 16), FrameType.ofOrdinal(key % 16), v[0], v[1])));
        out.sort(Comparator.comparingLong(Callee::value).reversed().thenComparing(c -> c.method().toString()));
        return out;
    }

    /** Allocations whose stack has the method's frame at one of the bcis, by allocated type. */
    public List<AllocStat> allocationsByType(BitSet bcis) {
        Map<String, long[]> acc = new HashMap<>();
        forAllocations(bcis, (i, s, k) -> add(acc, profile.className(profile.allocClass(i)), profile.weight(i)));
        return sorted(acc);
    }

    /**
     * For the same allocations, every method between the method's frame and the leaf (each counted
     * once per sample): the evidence for an unsized collection is ArrayList.grow or HashMap.resize here.
     */
    public List<AllocStat> allocationCallees(BitSet bcis) {
        Map<String, long[]> acc = new HashMap<>();
        // overloads (substring(I) and substring(II)) share a name: count each name once per sample,
        // or a share of the site's bytes could come out above 100%
        Map<String, Integer> nameIds = new HashMap<>();
        int[] nameOf = new int[profile.methods().size()];
        for (int m = 0; m < nameOf.length; m++) {
            nameOf[m] = nameIds.computeIfAbsent(profile.method(m).displayName(), x -> nameIds.size());
        }
        int[] seen = new int[nameIds.size()];
        int[] stamp = {0};
        forAllocations(bcis, (i, s, k) -> {
            stamp[0]++;
            int[] frames = profile.stackFrames(s);
            for (int j = 0; j < k; j++) {
                Frame f = profile.frame(frames[j]);
                int name = nameOf[f.methodIndex()];
                if (seen[name] != stamp[0]) {
                    seen[name] = stamp[0];
                    add(acc, f.method().displayName(), profile.weight(i));
                }
            }
        });
        return sorted(acc);
    }

    /**
     * The part of the site's samples and allocations whose frames below the method's frame are in
     * {@code counted} (method indexes): with {@code every}, all of their Java frames are; without it,
     * one of them is. Time values of {@code kind} (null: none), allocated bytes and allocation samples.
     */
    public Under under(EventKind kind, BitSet bcis, BitSet counted, boolean every) {
        long time = 0;
        if (kind != null) {
            long[] values = values(kind);
            for (int s : profile.stacksContaining(method)) {
                int k = innermost(s);
                if (values[s] != 0 && inSet(s, k, bcis) && passes(s, k, counted, every)) time += values[s];
            }
        }
        long[] alloc = new long[2];
        forAllocations(bcis, (i, s, k) -> {
            if (passes(s, k, counted, every)) {
                alloc[0] += profile.weight(i);
                alloc[1]++;
            }
        });
        return new Under(time, alloc[0], alloc[1]);
    }

    /** What {@link #under} found: time values, allocated bytes and allocation samples. */
    public record Under(long time, long allocBytes, long allocSamples) {}

    private boolean passes(int stack, int k, BitSet counted, boolean every) {
        int[] frames = profile.stackFrames(stack);
        for (int j = 0; j < k; j++) {
            Frame f = profile.frame(frames[j]);
            if (!f.type().isJava()) continue;
            boolean in = counted.get(f.methodIndex());
            if (every && !in) return false;
            if (!every && in) return true;
        }
        return every;
    }

    private interface AllocVisitor {
        void visit(int sample, int stack, int frameIndexOfMethod);
    }

    private void forAllocations(BitSet bcis, AllocVisitor visitor) {
        BitSet stacks = new BitSet(profile.stackCount());
        int[] innermost = new int[profile.stackCount()];
        for (int s : profile.stacksContaining(method)) {
            int k = innermost(s);
            if (inSet(s, k, bcis)) {
                stacks.set(s);
                innermost[s] = k;
            }
        }
        for (int i = 0, n = profile.size(); i < n; i++) {
            int s = profile.stack(i);
            if (profile.kind(i) == EventKind.ALLOC && stacks.get(s)) {
                visitor.visit(i, s, innermost[s]);
            }
        }
    }

    private int innermost(int stack) {
        int[] frames = profile.stackFrames(stack);
        for (int j = 0; j < frames.length; j++) {
            if (profile.frame(frames[j]).methodIndex() == method) {
                return j;
            }
        }
        return -1;
    }

    private boolean inSet(int stack, int k, BitSet bcis) {
        int bci = profile.frame(profile.stackFrames(stack)[k]).bci();
        return bci >= 0 && bcis.get(bci);
    }

    private long[] values(EventKind kind) {
        long[] v = stackValues.get(kind);
        if (v == null) {
            v = new long[profile.stackCount()];
            long[] c = new long[profile.stackCount()];
            for (int i = 0, n = profile.size(); i < n; i++) {
                if (profile.kind(i) == kind) {
                    v[profile.stack(i)] += profile.weight(i);
                    c[profile.stack(i)] += profile.sampleCount(i);
                }
            }
            stackValues.put(kind, v);
            stackSamples.put(kind, c);
        }
        return v;
    }

    private static void add(Map<String, long[]> acc, String key, long bytes) {
        long[] a = acc.computeIfAbsent(key, x -> new long[2]);
        a[0] += bytes;
        a[1]++;
    }

    private static List<AllocStat> sorted(Map<String, long[]> acc) {
        List<AllocStat> out = new ArrayList<>();
        acc.forEach((k, v) -> out.add(new AllocStat(k, v[0], v[1])));
        out.sort(Comparator.comparingLong(AllocStat::bytes).reversed().thenComparing(AllocStat::name));
        return out;
    }
}
