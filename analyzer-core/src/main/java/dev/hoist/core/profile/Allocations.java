package dev.hoist.core.profile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Allocation samples summed by allocated type and by allocation site. A site is the allocating
 * frame (method, line, bytecode index, frame type: the first Java frame from the leaf) together with
 * the allocated type and, when the site is inside the JDK ({@code Integer.valueOf},
 * {@code Arrays.copyOf}), the nearest application frame that called it, so one row says "this line
 * allocates these objects". Bytes are the sampler's
 * weights (TLAB sizes for async-profiler, {@code weight} for the JDK), so they estimate the real
 * allocation volume; samples count events.
 */
public final class Allocations {
    /** Bytes and samples of one allocated type. */
    public record TypeStat(String type, long bytes, long samples) {}

    /**
     * Bytes and samples of one type allocated at one frame; caller is the nearest non-JDK frame
     * below a JDK site (null when the site is application code or no such frame exists).
     */
    public record SiteStat(Frame site, int frameIndex, Frame caller, String type, long bytes, long samples) {}

    private record SiteKey(int site, int caller, int type) {}

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
        return of(p, EventKind.ALLOC);
    }

    /**
     * The same grouping for lock events ({@code kind} LOCK): by the class of the monitor or lock waited
     * for and the frame that waited, weighed by nanoseconds waited instead of bytes.
     */
    public static Allocations of(Profile p, EventKind kind) {
        Map<Integer, long[]> byType = new HashMap<>();
        Map<SiteKey, long[]> bySite = new HashMap<>();
        long bytes = 0;
        long samples = 0;
        for (int i = 0, n = p.size(); i < n; i++) {
            if (p.kind(i) != kind) {
                continue;
            }
            long w = p.weight(i);
            int cls = p.allocClass(i);
            bytes += w;
            samples++;
            long[] t = byType.computeIfAbsent(cls, k -> new long[2]);
            t[0] += w;
            t[1]++;
            int[] frames = p.stackFrames(p.stack(i));
            int at = sitePosition(p, frames);
            int site = at < 0 ? -1 : frames[at];
            int caller = at < 0 ? -1 : callerFrame(p, frames, at);
            long[] s = bySite.computeIfAbsent(new SiteKey(site, caller, cls), k -> new long[2]);
            s[0] += w;
            s[1]++;
        }
        List<TypeStat> types = new ArrayList<>();
        byType.forEach((cls, v) -> types.add(new TypeStat(cls < 0 ? "[unknown class]" : p.className(cls), v[0], v[1])));
        types.sort(Comparator.comparingLong(TypeStat::bytes).reversed().thenComparing(TypeStat::type));
        List<SiteStat> sites = new ArrayList<>();
        bySite.forEach((key, v) -> sites.add(new SiteStat(key.site() < 0 ? null : p.frame(key.site()), key.site(),
                key.caller() < 0 ? null : p.frame(key.caller()),
                key.type() < 0 ? "[unknown class]" : p.className(key.type()), v[0], v[1])));
        sites.sort(Comparator.comparingLong(SiteStat::bytes).reversed().thenComparing(SiteStat::type)
                .thenComparingInt(SiteStat::frameIndex));
        return new Allocations(bytes, samples, types, sites);
    }

    private static int sitePosition(Profile p, int[] frames) {
        for (int j = 0; j < frames.length; j++) {
            if (p.frame(frames[j]).type().isJava()) {
                return j;
            }
        }
        return frames.length == 0 ? -1 : 0;
    }

    private static int callerFrame(Profile p, int[] frames, int site) {
        if (!dev.hoist.core.classes.JdkClasses.isJdk(p.frame(frames[site]).method().className())) {
            return -1;
        }
        for (int j = site + 1; j < frames.length; j++) {
            Frame f = p.frame(frames[j]);
            if (f.type().isJava() && !dev.hoist.core.classes.JdkClasses.isJdk(f.method().className())) {
                return frames[j];
            }
        }
        return -1;
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
