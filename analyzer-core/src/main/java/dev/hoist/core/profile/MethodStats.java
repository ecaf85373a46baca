package dev.hoist.core.profile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-method and per-line sums for one event kind: self (the method is the running frame) and total
 * (the method is anywhere on the stack, counted once per stack even under recursion). Values are the
 * samples' weights: sample counts for cpu/wall/native, bytes for alloc, nanoseconds for lock.
 * Computed once over the distinct stacks, not per sample.
 */
public final class MethodStats {
    /** One method's sums; the percentages are of {@link #grandTotal()}. */
    public record MethodStat(int methodIndex, MethodRef method, long self, long total) {}

    /** One source line of a method: self when the line was running, total when it was on the stack. */
    public record LineStat(int line, long self, long total) {}

    private final Profile profile;
    private final EventKind kind;
    private final long grandTotal;
    private final long[] self;
    private final long[] total;
    private final Map<Integer, Map<Integer, long[]>> lines = new HashMap<>();

    private MethodStats(Profile profile, EventKind kind, java.util.BitSet leftOut) {
        this.profile = profile;
        this.kind = kind;
        long[] stackWeight = new long[profile.stackCount()];
        long sum = 0;
        for (int i = 0, n = profile.size(); i < n; i++) {
            if (profile.kind(i) == kind && (leftOut == null || !leftOut.get(profile.stack(i)))) {
                long w = profile.weight(i);
                stackWeight[profile.stack(i)] += w;
                sum += w;
            }
        }
        this.grandTotal = sum;
        int methods = profile.methods().size();
        self = new long[methods];
        total = new long[methods];
        int[] seen = new int[methods];
        Arrays.fill(seen, -1);
        Map<Long, Integer> lineSeen = new HashMap<>();
        for (int s = 0; s < stackWeight.length; s++) {
            long w = stackWeight[s];
            if (w == 0) {
                continue;
            }
            int[] frames = profile.stackFrames(s);
            if (frames.length == 0) {
                continue;
            }
            Frame leaf = profile.frame(frames[0]);
            self[leaf.methodIndex()] += w;
            line(leaf.methodIndex(), leaf.line())[0] += w;
            for (int f : frames) {
                Frame fr = profile.frame(f);
                int m = fr.methodIndex();
                if (seen[m] != s) {
                    seen[m] = s;
                    total[m] += w;
                }
                long key = ((long) m << 32) | (fr.line() & 0xffffffffL);
                Integer previous = lineSeen.put(key, s);
                if (previous == null || previous != s) {
                    line(m, fr.line())[1] += w;
                }
            }
        }
    }

    private long[] line(int method, int line) {
        return lines.computeIfAbsent(method, k -> new HashMap<>()).computeIfAbsent(line, k -> new long[2]);
    }

    public static MethodStats of(Profile profile, EventKind kind) {
        return new MethodStats(profile, kind, null);
    }

    /** As {@link #of(Profile, EventKind)}, without the samples on the stacks in {@code leftOut} (e.g. {@link IdleStacks}). */
    public static MethodStats of(Profile profile, EventKind kind, java.util.BitSet leftOut) {
        return new MethodStats(profile, kind, leftOut);
    }

    public EventKind kind() {
        return kind;
    }

    /** Sum of the weights of all samples of this kind. */
    public long grandTotal() {
        return grandTotal;
    }

    public MethodStat method(int methodIndex) {
        return new MethodStat(methodIndex, profile.method(methodIndex), self[methodIndex], total[methodIndex]);
    }

    /** Methods with samples, by self descending, then total descending, then name (stable output). */
    public List<MethodStat> bySelf() {
        List<MethodStat> out = new ArrayList<>();
        for (int m = 0; m < self.length; m++) {
            if (total[m] > 0) {
                out.add(method(m));
            }
        }
        out.sort(Comparator.comparingLong(MethodStat::self).reversed()
                .thenComparing(Comparator.comparingLong(MethodStat::total).reversed())
                .thenComparing(s -> s.method().toString()));
        return out;
    }

    /** Methods with samples, by total descending. */
    public List<MethodStat> byTotal() {
        List<MethodStat> out = bySelf();
        out.sort(Comparator.comparingLong(MethodStat::total).reversed().thenComparing(s -> s.method().toString()));
        return out;
    }

    /** The method's lines, hottest first (by self, then total); line -1 or 0 means the source had none. */
    public List<LineStat> lines(int methodIndex) {
        List<LineStat> out = new ArrayList<>();
        lines.getOrDefault(methodIndex, Map.of()).forEach((line, v) -> out.add(new LineStat(line, v[0], v[1])));
        out.sort(Comparator.comparingLong(LineStat::self).reversed()
                .thenComparing(Comparator.comparingLong(LineStat::total).reversed())
                .thenComparingInt(LineStat::line));
        return out;
    }
}
