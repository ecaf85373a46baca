package dev.hoist.core.profile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Allocation samples summed by allocated type and by allocation site. A site is the allocating
 * frame (method, line, bytecode index, frame type: the first Java frame from the leaf) together with
 * the allocated type, so one row says "this line allocates these objects". Bytes are the sampler's
 * weights (TLAB sizes for async-profiler, {@code weight} for the JDK), so they estimate the real
 * allocation volume; samples count events.
 */
public final class Allocations {
    /** Bytes and samples of one allocated type. */
    public record TypeStat(String type, long bytes, long samples) {}

    /** Bytes and samples of one type allocated at one frame. */
    public record SiteStat(Frame site, int frameIndex, String type, long bytes, long samples) {}

    private final long totalBytes;
    private final long totalSamples;
    private final List<TypeStat> types;
    private final List<SiteStat> sites;

    private Allocations(long totalBytes, long totalSamples, List<TypeStat> types, List<SiteStat> sites) {
        this.totalBytes = totalBytes;
        this.totalSamples = totalSamples;
        this.types = types;
        this.sites = sites;
    }

    public static Allocations of(Profile p) {
        Map<Integer, long[]> byType = new HashMap<>();
        Map<Long, long[]> bySite = new HashMap<>();
        long bytes = 0;
        long samples = 0;
        for (int i = 0, n = p.size(); i < n; i++) {
            if (p.kind(i) != EventKind.ALLOC) {
                continue;
            }
            long w = p.weight(i);
            int cls = p.allocClass(i);
            bytes += w;
            samples++;
            long[] t = byType.computeIfAbsent(cls, k -> new long[2]);
            t[0] += w;
            t[1]++;
            int site = siteFrame(p, p.stack(i));
            long[] s = bySite.computeIfAbsent(((long) site << 32) | (cls & 0xffffffffL), k -> new long[2]);
            s[0] += w;
            s[1]++;
        }
        List<TypeStat> types = new ArrayList<>();
        byType.forEach((cls, v) -> types.add(new TypeStat(cls < 0 ? "[unknown class]" : p.className(cls), v[0], v[1])));
        types.sort(Comparator.comparingLong(TypeStat::bytes).reversed().thenComparing(TypeStat::type));
        List<SiteStat> sites = new ArrayList<>();
        bySite.forEach((key, v) -> {
            int frame = (int) (key >> 32);
            int cls = (int) (long) key;
            sites.add(new SiteStat(frame < 0 ? null : p.frame(frame), frame, cls < 0 ? "[unknown class]" : p.className(cls), v[0], v[1]));
        });
        sites.sort(Comparator.comparingLong(SiteStat::bytes).reversed().thenComparing(SiteStat::type)
                .thenComparingInt(SiteStat::frameIndex));
        return new Allocations(bytes, samples, types, sites);
    }

    /** The allocating frame of a stack: its first Java frame from the leaf, or the leaf; -1 for an empty stack. */
    public static int siteFrame(Profile p, int stack) {
        int[] frames = p.stackFrames(stack);
        for (int f : frames) {
            if (p.frame(f).type().isJava()) {
                return f;
            }
        }
        return frames.length == 0 ? -1 : frames[0];
    }

    public long totalBytes() {
        return totalBytes;
    }

    public long totalSamples() {
        return totalSamples;
    }

    /** Types by bytes descending. */
    public List<TypeStat> byType() {
        return types;
    }

    /** Sites by bytes descending. */
    public List<SiteStat> bySite() {
        return sites;
    }
}
